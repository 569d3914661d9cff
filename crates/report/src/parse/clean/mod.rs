//! Clean-up stage: normalise characters, strip site furniture ([`chrome`]), repair the layout
//! ([`layout`]: pages, hard wraps, giant lines, copies), so later stages see the report as written.

mod chrome;
mod layout;

/// What clean-up produced: the document text plus what it removed (metadata lives there too).
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// The cleaned text: one paragraph per line, blank lines collapsed.
    pub text: String,
    /// Chrome lines that were removed (normalised), in order; dates and sources are read from them.
    pub chrome: Vec<String>,
    /// A "read more" marker or a mid-sentence ending shows the text is cut off.
    pub truncated: bool,
}

/// Full-width ASCII (U+FF01–FF5E) to half-width, ideographic and no-break spaces to plain spaces.
/// Chinese punctuation without an ASCII twin (`、。“”《》`) is kept as it is.
pub(crate) fn normalise_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{202F}' => ' ',
        // Dash-like characters used between the ends of ranges (`3—5个`) read as a hyphen.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        '\u{FEFF}' | '\u{200B}' => ' ',
        _ => c,
    }
}

/// Normalises a whole string (also used by tests comparing snippets).
pub fn normalise(s: &str) -> String {
    // Runs of chars that stay as they are are copied whole (most of a text).
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let n = normalise_char(c);
        if n != c || c == '\r' {
            out.push_str(&s[from..i]);
            if c != '\r' {
                out.push(n);
            }
            from = i + c.len_utf8();
        }
    }
    out.push_str(&s[from..]);
    let s = out;
    if has_markup(&s) {
        strip_markup(&s)
    } else {
        s
    }
}

/// A tag (`<p`, `</`) or an entity (`&nbsp;`) somewhere: most texts have none (`R&D` is no
/// entity).
fn has_markup(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2).any(|w| match w {
        [b'<', c] => c.is_ascii_alphabetic() || *c == b'/',
        _ => false,
    }) || s.match_indices('&').any(|(i, _)| {
        let rest = &b[i + 1..];
        let name = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
        name >= 2 && rest.get(name) == Some(&b';')
    })
}

/// Drops HTML a repost site left in the text (`<style id="x"></style>`, `<p>`, `&nbsp;`): a tag
/// is `<`, an optional `/`, a Latin name and anything without Chinese up to `>` on its line.
fn strip_markup(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '<' {
            let name = i + 1 + usize::from(chars.get(i + 1) == Some(&'/'));
            if chars.get(name).is_some_and(|c| c.is_ascii_alphabetic()) {
                let close = (name..chars.len().min(i + 300))
                    .take_while(|&k| chars[k] != '\n' && !crate::parse::view::is_cjk(chars[k]))
                    .find(|&k| chars[k] == '>');
                if let Some(k) = close {
                    i = k + 1;
                    continue;
                }
            }
        }
        if c == '&' {
            const ENTITIES: &[(&str, char)] = &[
                ("&nbsp;", ' '),
                ("&amp;", '&'),
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&quot;", '"'),
                ("&ldquo;", '“'),
                ("&rdquo;", '”'),
                ("&mdash;", '—'),
            ];
            let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
            if let Some((e, r)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                out.push(*r);
                i += e.chars().count();
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Markers that a document-sharing site cut the text off for a preview.
const TRUNCATION_MARKERS: &[&str] = &["展开阅读全文", "点击查看更多", "剩余", "继续阅读"];

/// Removes table-pipe debris at the ends of a line (`标题 | ||||`).
fn strip_pipes(line: &str) -> &str {
    line.trim_matches(|c: char| c == '|' || c.is_whitespace())
}

/// Runs the whole clean-up stage.
pub(crate) fn clean(raw: &str) -> Cleaned {
    let norm = normalise(raw);
    let mut truncated = false;
    // Lines without table debris; a line of nothing but debris is furniture, not a paragraph break.
    let all: Vec<&str> = norm
        .lines()
        .filter(|l| !strip_pipes(l).is_empty() || l.trim().is_empty())
        .map(strip_pipes)
        .collect();
    // Furniture is judged in simplified characters (`發布機構` reads as `发布机构`); most texts
    // have none to simplify.
    let traditional = norm.chars().any(|c| crate::parse::t2s::simplify(c) != c);
    let simplified: Vec<String> = if traditional {
        all.iter()
            .map(|l| crate::parse::view::plain_line(l))
            .collect()
    } else {
        Vec::new()
    };
    let simple: Vec<&str> = if traditional {
        simplified.iter().map(String::as_str).collect()
    } else {
        all.clone()
    };
    let mut furniture: Vec<bool> = simple.iter().map(|l| chrome::is_chrome(l)).collect();
    furniture_zones(&simple, &mut furniture);
    let mut chrome = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for (k, (l, &f)) in all.iter().zip(&furniture).enumerate() {
        if TRUNCATION_MARKERS.iter().any(|m| l.starts_with(m)) && l.chars().count() < 30 {
            truncated = true;
        }
        if f {
            // Kept as read (simplified, glosses dropped): dates and publishers are looked up in it.
            chrome.push(simple[k].to_string());
        } else {
            lines.push(l.to_string());
        }
    }
    layout::split_columns(&mut lines);
    layout::join_pages(&mut lines);
    layout::drop_outline(&mut lines, &mut chrome);
    layout::drop_copies(&mut lines);
    layout::join_hard_wraps(&mut lines);
    layout::join_split_decimals(&mut lines);
    let mut paras: Vec<String> = Vec::new();
    for l in &lines {
        if l.is_empty() {
            if paras.last().is_some_and(|p| !p.is_empty()) {
                paras.push(String::new());
            }
            continue;
        }
        for p in layout::split_giant_line(l) {
            paras.push(p);
        }
    }
    while paras.first().is_some_and(|p| p.is_empty()) {
        paras.remove(0);
    }
    while paras.last().is_some_and(|p| p.is_empty()) {
        paras.pop();
    }
    // The body ends mid-sentence: a preview, or a page cut off. (A short last line without a
    // clause in it is a heading or a signature.)
    if let Some(last) = paras.iter().rev().find(|p| !is_signature_like(p)) {
        let in_sentence = last.chars().count() > 30 && last.contains([',', '。', ';']);
        if in_sentence && !layout::ends_sentence(last) {
            truncated = true;
        }
    }
    // Paragraphs separated by exactly one newline; blank lines kept as paragraph breaks.
    let text = paras.join("\n");
    Cleaned {
        text,
        chrome,
        truncated,
    }
}

/// A site's header and footer: everything before the last navigation trail near the top (the
/// site's name and slogan, login links) when all of it is short, and everything from a footer
/// marker (`相关新闻`, `扫一扫`…) in the second half on when all of that is short.
fn furniture_zones(lines: &[&str], furniture: &mut [bool]) {
    let short = |l: &&str| l.chars().count() <= 40 && !l.contains('。');
    if let Some(b) = lines
        .iter()
        .take(15)
        .rposition(|l| chrome::is_breadcrumb(l))
    {
        if lines[..b].iter().all(short) {
            furniture[..=b].iter_mut().for_each(|f| *f = true);
        }
    }
    // A metadata key shown with its value on the next line (`• 信息索引号:` / `1133…/2025-107657`).
    for i in 0..lines.len().saturating_sub(1) {
        let key = lines[i].trim_end();
        if furniture[i] && key.ends_with(':') && key.chars().count() <= 20 {
            if let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty()) {
                let v = lines[j];
                let titled = ["总结", "计划", "要点", "思路", "报告", "小结", "打算"]
                    .iter()
                    .any(|w| v.contains(w));
                if v.chars().count() <= 30 && !titled && !v.contains('。') && !v.contains(',') {
                    furniture[j] = true;
                }
            }
        }
    }
    let footer = (lines.len() / 2..lines.len()).find(|&i| {
        let s = lines[i].trim();
        chrome::FOOTER_MARKERS.iter().any(|m| s.starts_with(m))
    });
    if let Some(f) = footer {
        if lines[f..].iter().all(|l| l.chars().count() <= 60) {
            furniture[f..].iter_mut().for_each(|f| *f = true);
        }
    }
}

/// A short signature or date line at the end (`县科技局2021-12-16`, `2018年3月15日`).
fn is_signature_like(p: &str) -> bool {
    p.chars().count() <= 30 && (p.contains('局') || p.chars().any(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_becomes_half_width() {
        assert_eq!(normalise("，；：（）％１２３ＡＢ"), ",;:()%123AB");
        assert_eq!(normalise("、。“”"), "、。“”");
    }

    #[test]
    fn markup_left_by_a_repost_site_goes() {
        assert_eq!(
            normalise("<style id=\"utfaj\"></style>\n<p id=\"a\"></p>正文&nbsp;新增3家。"),
            "\n正文 新增3家。"
        );
        // not markup: a comparison, a `<` followed by Chinese
        assert_eq!(normalise("R&D占比<3%,小于<五家"), "R&D占比<3%,小于<五家");
        let c = clean("<style id=\"x\"></style>\n东莞迎来万亿城市\n發(fā)布時(shí)間:2022-01-21 16:33:00來源: 南方日報(bào)\n正文。");
        assert_eq!(c.text.lines().next(), Some("东莞迎来万亿城市"));
        assert!(c.chrome.iter().any(|l| l.contains("2022-01-21")));
    }

    #[test]
    fn chrome_lines_are_removed() {
        let raw = "您的位置首页  科技生活\n\n标题2021年工作总结\n  • 来源:互联网\n  • |\n  • 2022-08-03\n正文。\n免责声明:本站所有信息……联系QQ:1\n";
        let c = clean(raw);
        assert_eq!(c.text, "标题2021年工作总结\n正文。");
        assert!(c.chrome.iter().any(|l| l.contains("2022-08-03")));
    }

    #[test]
    fn sharing_site_junk_is_removed() {
        let raw = "区科技局工作总结\n上传人:快**** 文档编号:1 上传时间:2022-01-20\n区科技局工作总结_第1页\n第1页 / 共17页\n点击查看更多>>\n资源描述\n《区科技局工作总结》由会员分享,可在线阅读\n正文。\n展开阅读全文\n相关资源\n电脑版 |金锄头文库版权所有\n经营许可证:蜀ICP备1号";
        let c = clean(raw);
        assert_eq!(c.text, "区科技局工作总结\n正文。");
        assert!(c.truncated);
    }

    #[test]
    fn page_markers_rejoin_split_numbers() {
        let long = "甲".repeat(160);
        let raw = format!(
            "1、{long}统计测算R&D经费支出x\n\n2、x.x亿元。{long}经济高\n\n3、质量发展。{long}"
        );
        let c = clean(&raw);
        assert!(c.text.contains("R&D经费支出xx.x亿元。"));
        assert!(c.text.contains("经济高质量发展。"));
        assert!(!c.text.contains("2、"));
    }

    #[test]
    fn short_numbered_lists_are_not_pages() {
        let raw = "1、加快建设。\n2、推进合作。\n3、强化人才。";
        let c = clean(raw);
        assert_eq!(c.text, raw);
    }

    #[test]
    fn pipes_are_stripped() {
        let c = clean("温州市科学技术局2024年工作总结 | ||||\n|\n||||\n正文。 |\n||||");
        assert_eq!(c.text, "温州市科学技术局2024年工作总结\n正文。");
    }

    #[test]
    fn giant_lines_split_at_inline_headings() {
        let body = "全市孵化空间累计达705万方。".repeat(30);
        let raw = format!("今年以来,成效显著。 一、2024年工作总结 (一)大孵化器集群建设取得新成效。{body} 二、2025年工作思路 2025年,市科技局将奋进。");
        let c = clean(&raw);
        let lines: Vec<&str> = c.text.lines().collect();
        assert_eq!(lines[0], "今年以来,成效显著。");
        assert_eq!(lines[1], "一、2024年工作总结");
        assert!(lines[2].starts_with("(一)大孵化器"));
        assert!(lines.contains(&"二、2025年工作思路"));
    }

    #[test]
    fn hard_wrapped_lines_are_rejoined() {
        // An OCR'd yearbook: fixed-width lines, a figure broken across two of them.
        let raw = "科学技术\n【概况】 2020年,三明市科技系统围绕“科技强市”目标,着力推进创新\n平台建设,全年新增国家高新技术企业41家,总数达到226家,同比增长2\n2.8%;新增省级科技小巨人企业18家。全市技术合同成交额5.6亿元,增长\n17.3%。\n【科技项目】 全年共组织实施省级以上科技计划项目137项,落实上级科技\n经费8460万元,其中国家级项目12项、经费1350万元,带动企业研发投入\n大幅增长。";
        let c = clean(raw);
        let lines: Vec<&str> = c.text.lines().collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[1].contains("同比增长22.8%"));
        assert!(lines[1].ends_with("增长17.3%。"));
        assert!(lines[2].contains("科技经费8460万元"));
        // Ordinary one-paragraph-per-line text is left alone.
        let plain = "一、2023年工作总结\n全年新增高新技术企业45家,同比增长12%。\n技术交易额达到12.6亿元,比上年增长32%,创历史新高。\n二、2024年工作思路\n力争新增高新技术企业50家。";
        assert_eq!(clean(plain).text, plain);
    }

    #[test]
    fn a_decimal_broken_across_lines_is_rejoined() {
        let raw = "规上工业企业研发费用同比增长8.\n3%,技术合同成交额增长31.\n2%。\n第二段。";
        assert_eq!(
            clean(raw).text,
            "规上工业企业研发费用同比增长8.3%,技术合同成交额增长31.2%。\n第二段。"
        );
        // a sentence's end is no decimal
        let two = "同比增长8%。\n2023年,全市新增企业3家。";
        assert_eq!(clean(two).text, two);
    }

    #[test]
    fn two_pdf_columns_are_read_one_after_the_other() {
        let left = [
            "12 个班级,共能容纳 360 名幼儿。幼儿园拥有配套",
            "的活动室、午睡室、盥洗室,以及幼儿阅览室、生活",
            "操作间、科探室、建构室等专用活动室,同时还创设",
            "有飞碟玩具、滑索区、涂鸦区等户外游戏场地。幼",
            "儿园将遵循顺应天性的办园理念,引导孩子们健康成",
            "长,让科探教育哺育梦想,培养好奇好问的智慧儿童",
        ];
        let right = [
            "【科技创新服务】 建立科技、经商、发改等部门立",
            "项项目赋码沟通机制,科技、统计、税务等部门研发",
            "投入申报比对机制。建立小微产业园科技创新指标",
            "增长考核机制,引导向科技型小微产业园转型,明确",
            "招商引资科技创新指标底线,高质量招引企业,全年",
            "规模以上工业企业研发费用总额7.98亿元,增幅76.7%。",
        ];
        let raw: String = left
            .iter()
            .zip(&right)
            .map(|(l, r)| format!("{l} {r}\n"))
            .collect();
        let c = clean(&raw);
        let text = c.text.replace('\n', "");
        let l = text.find("12 个班级").unwrap();
        let r = text.find("【科技创新服务】").unwrap();
        assert!(l < r, "the left column comes first: {text}");
        assert!(
            text.contains("部门立项项目赋码"),
            "the right column reads on: {text}"
        );
        assert!(text.contains("研发费用总额7.98亿元"));
    }

    #[test]
    fn teasers_outlines_and_repeated_titles_are_dropped() {
        let raw = "会员登录  新用户注册 退出\n范文网 - 公文写作之家\n您现在的位置是: 首页 > 工作总结 > 科技工作\n县科技局2023年工作总结和2024年工作计划\n2024-01-15 09:12:30 工作总结\n县科技局2023年工作总结和2024年工作计划 2023年,县科技局坚持创新驱动发展战略,新增国家高新技术企业45家,省科技型中小企业...\n县科技局2023年工作总结和2024年工作计划\n2023年,县科技局坚持创新驱动发展战略,新增国家高新技术企业45家,省科技型中小企业130家。\n相关文章\n推荐阅读";
        let c = clean(raw);
        assert_eq!(
            c.text,
            "县科技局2023年工作总结和2024年工作计划\n2023年,县科技局坚持创新驱动发展战略,新增国家高新技术企业45家,省科技型中小企业130家。"
        );
        let outline = "一、上半年工作情况\n1.实施研发投入促进行动\n2.开展高新技术企业培育工作\n二、下半年工作打算\n1.加强科技型企业培育\n县科技局2025年上半年工作总结\n一、上半年工作情况\n1.实施研发投入促进行动。已有70家企业申报研发费用。";
        let c = clean(outline);
        assert!(
            c.text.starts_with("县科技局2025年上半年工作总结"),
            "{}",
            c.text
        );
        assert!(!c.text.contains("下半年工作打算"));
    }

    #[test]
    fn portal_metadata_and_its_values_are_furniture() {
        let raw = "首页\n>> 政务公开 >> 县级部门信息公开 >> 县科学技术局\n索引号113310220026852503/2025-107657 文号\n• 信息索引号:\n113310220026852503/2025-107657\n• 发布机构:\n县科技局\n县科技局2025年4月工作小结和5月工作计划\n2025-04-27 09:10 来源:三门县科学技术局浏览次数:\n一、4月工作小结\n1-2月,全县规上工业研发费用1.76亿元。";
        let c = clean(raw);
        assert!(
            c.text
                .starts_with("县科技局2025年4月工作小结和5月工作计划\n一、4月工作小结"),
            "{}",
            c.text
        );
        assert!(c.chrome.iter().any(|l| l.contains("来源:三门县科学技术局")));
    }
}
