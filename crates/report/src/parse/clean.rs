//! Clean-up stage: normalise characters, strip web-page chrome, rejoin page-split text and
//! break giant one-line reports into paragraphs, so later stages see the report as written.

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
    s.chars()
        .map(normalise_char)
        .filter(|&c| c != '\r')
        .collect()
}

/// Lines that start like this are site furniture, not report text (checked on short lines).
const CHROME_PREFIXES: &[&str] = &[
    "您的位置",
    "当前位置",
    "所在位置",
    "您现在的位置",
    "来源:",
    "来源 :",
    "发布日期",
    "发布时间",
    "信息来源",
    "文章来源",
    "浏览次数",
    "访问次数",
    "点击数",
    "字号",
    "责任编辑",
    "编辑:",
    "分享到",
    "扫一扫",
    "打印本页",
    "【打印",
    "[打印",
    "关闭窗口",
    "【关闭",
    "Produced By",
    "上传人",
    "文档编号",
    "上传时间",
    "返回 下载",
    "点击查看更多",
    "资源描述",
    "展开阅读全文",
    "相关资源",
    "正为您匹配",
    "相关搜索",
    "最新文档",
    "电脑版",
    "经营许可证",
    "T小字",
    "T大字",
    "下一篇",
    "上一篇",
];

/// Lines containing one of these are furniture whatever their length.
const CHROME_ANYWHERE: &[&str] = &[
    "由会员分享",
    "版权所有",
    "ICP备",
    "公网安备",
    "条评论",
    "打印本页",
    "关闭窗口",
];

/// Lines that start like this are furniture even when long (disclaimers run on).
const CHROME_LONG_PREFIXES: &[&str] = &["免责声明", "声明:本站", "版权声明"];

/// Markers that a document-sharing site cut the text off for a preview.
const TRUNCATION_MARKERS: &[&str] = &["展开阅读全文", "点击查看更多", "剩余", "继续阅读"];

fn is_chrome(line: &str) -> bool {
    let l = line.trim();
    if l.is_empty() {
        return false;
    }
    if CHROME_LONG_PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    let n = l.chars().count();
    if n <= 120 && CHROME_ANYWHERE.iter().any(|p| l.contains(p)) {
        return true;
    }
    if n <= 80 && CHROME_PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    // Bullet bars of a news page (`• 来源:互联网`, `• |`, `• 2022-08-03`).
    if l.starts_with('•') && n <= 40 {
        return true;
    }
    // Only pipes, bullets and spaces: table debris.
    if l.chars().all(|c| matches!(c, '|' | '•' | ' ' | '-' | '_')) {
        return true;
    }
    // Sharing-site page thumbnails: `…_第3页`, `第3页 / 共17页`.
    if n <= 120 && (ends_with_page_tag(l) || is_page_count(l)) {
        return true;
    }
    false
}

/// `…_第3页`
fn ends_with_page_tag(l: &str) -> bool {
    let Some(rest) = l.strip_suffix('页') else {
        return false;
    };
    let rest = rest.trim_end_matches(|c: char| c.is_ascii_digit());
    rest.len() + '页'.len_utf8() < l.len() && rest.ends_with("_第")
}

/// `第3页 / 共17页`
fn is_page_count(l: &str) -> bool {
    let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(r) = compact.strip_prefix('第') else {
        return false;
    };
    let d1 = r.chars().take_while(|c| c.is_ascii_digit()).count();
    if d1 == 0 {
        return false;
    }
    let r: String = r.chars().skip(d1).collect();
    let Some(r) = r.strip_prefix("页/共") else {
        return false;
    };
    let d2 = r.chars().take_while(|c| c.is_ascii_digit()).count();
    d2 > 0 && r.chars().skip(d2).collect::<String>() == "页"
}

/// Removes table-pipe debris at the ends of a line (`标题 | ||||`).
fn strip_pipes(line: &str) -> &str {
    line.trim_matches(|c: char| c == '|' || c.is_whitespace())
}

/// A page marker at the start of a line: `12、` → Some((12, rest)).
fn page_marker(line: &str) -> Option<(u32, &str)> {
    let digits = line.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = line[..digits].parse().ok()?;
    let rest = line[digits..].strip_prefix('、')?;
    Some((n, rest))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '。' | '!' | '?' | ';' | ':' | '”' | '"' | ')' | '…'))
}

/// Rejoins pages of a document-sharing site: lines starting `1、`, `2、`, … in sequence, long,
/// most of them ending mid-sentence. Genuine `1、` lists are short and end their sentences.
fn join_pages(lines: &mut Vec<String>) -> bool {
    let mut seq: Vec<usize> = Vec::new();
    let mut next = 1;
    for (i, l) in lines.iter().enumerate() {
        if let Some((n, _)) = page_marker(l) {
            if n == next {
                seq.push(i);
                next += 1;
            }
        }
    }
    if seq.len() < 3 {
        return false;
    }
    let long = seq
        .iter()
        .filter(|&&i| lines[i].chars().count() > 150)
        .count();
    let cut = seq[..seq.len() - 1]
        .iter()
        .filter(|&&i| !ends_sentence(&lines[i]))
        .count();
    if long * 2 < seq.len() || cut * 2 < seq.len() - 1 {
        return false;
    }
    // Glue each page to the previous one, without a separator: the page break fell mid-text.
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut in_pages = false;
    for (i, l) in lines.iter().enumerate() {
        if seq.contains(&i) {
            let rest = page_marker(l).map(|(_, r)| r).unwrap_or(l.as_str());
            if in_pages {
                if let Some(last) = out.last_mut() {
                    last.push_str(rest);
                    continue;
                }
            }
            in_pages = true;
            out.push(rest.to_string());
        } else if in_pages && l.trim().is_empty() {
            // blank lines between pages vanish
        } else {
            if in_pages && !l.trim().is_empty() {
                // text after the last page that is not a marker: still part of that page
                if let Some(last) = out.last_mut() {
                    if !ends_sentence(last) && seq.last().is_some_and(|&s| i == s + 1) {
                        last.push_str(l);
                        continue;
                    }
                }
            }
            out.push(l.clone());
        }
    }
    *lines = out;
    true
}

const CN_ORD: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Is there an inline heading (`一、`, `(一)`) starting at char index `i`?
fn inline_heading_at(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if CN_ORD.contains(&c) {
        let mut j = i;
        while j < chars.len() && CN_ORD.contains(&chars[j]) && j - i < 2 {
            j += 1;
        }
        return j < chars.len() && chars[j] == '、';
    }
    if c == '(' {
        let mut j = i + 1;
        while j < chars.len() && CN_ORD.contains(&chars[j]) && j - i <= 2 {
            j += 1;
        }
        return j > i + 1 && j < chars.len() && chars[j] == ')';
    }
    false
}

/// Splits a very long line into paragraphs: before inline headings that follow a sentence end or
/// a space, and at spaces right after a sentence end. Shorter lines are left alone.
fn split_giant_line(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() < 400 {
        return vec![line.to_string()];
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let after_break = matches!(prev, Some('。' | ' ' | ':' | ';' | '!'));
        if after_break && !cur.trim().is_empty() && inline_heading_at(&chars, i) {
            out.push(cur.trim().to_string());
            cur.clear();
        }
        if c == ' ' && matches!(prev, Some('。' | ':' | ';' | '!')) {
            // a space after a sentence end is a lost paragraph break
            if !cur.trim().is_empty() {
                out.push(cur.trim().to_string());
                cur.clear();
            }
            i += 1;
            continue;
        }
        cur.push(c);
        i += 1;
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    // A heading line like `一、2024年工作总结 (一)大孵化器…`: split at the space before `(一)`.
    let mut res = Vec::new();
    for p in out {
        let pc: Vec<char> = p.chars().collect();
        let mut start = 0;
        for k in 1..pc.len() {
            if pc[k - 1] == ' ' && inline_heading_at(&pc, k) {
                res.push(pc[start..k].iter().collect::<String>().trim().to_string());
                start = k;
            }
        }
        res.push(pc[start..].iter().collect::<String>().trim().to_string());
    }
    res.retain(|s| !s.is_empty());
    // `二、2025年工作思路 2025年,市科技局将…`: a short heading, a space, then its text.
    let mut out = Vec::new();
    for p in res {
        let pc: Vec<char> = p.chars().collect();
        let numbered = inline_heading_at(&pc, 0);
        let space = pc.iter().take(24).position(|&c| c == ' ');
        match space {
            Some(k) if numbered && k > 2 && !pc[..k].contains(&'。') => {
                out.push(pc[..k].iter().collect::<String>());
                out.push(pc[k + 1..].iter().collect::<String>().trim().to_string());
            }
            _ => out.push(p),
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Runs the whole clean-up stage.
pub(crate) fn clean(raw: &str) -> Cleaned {
    let norm = normalise(raw);
    let mut chrome = Vec::new();
    let mut truncated = false;
    let mut lines: Vec<String> = Vec::new();
    for line in norm.lines() {
        let l = strip_pipes(line);
        let l = l.trim();
        // A line of nothing but table debris is furniture, not a paragraph break.
        if l.is_empty() && !line.trim().is_empty() {
            continue;
        }
        if TRUNCATION_MARKERS.iter().any(|m| l.starts_with(m)) && l.chars().count() < 30 {
            truncated = true;
        }
        if is_chrome(l) {
            chrome.push(l.to_string());
            continue;
        }
        lines.push(l.to_string());
    }
    join_pages(&mut lines);
    // Trailing site furniture after the report (`当前位置…` already gone) may leave a last line
    // cut mid-sentence; remember whether the body ends mid-sentence.
    let mut paras: Vec<String> = Vec::new();
    for l in &lines {
        if l.is_empty() {
            if paras.last().is_some_and(|p| !p.is_empty()) {
                paras.push(String::new());
            }
            continue;
        }
        for p in split_giant_line(l) {
            paras.push(p);
        }
    }
    while paras.last().is_some_and(|p| p.is_empty()) {
        paras.pop();
    }
    if let Some(last) = paras.iter().rev().find(|p| !is_signature_like(p)) {
        if last.chars().count() > 60 && !ends_sentence(last) {
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
}
