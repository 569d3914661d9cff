//! Site furniture: the lines of government portals, news and repost sites and document-sharing
//! sites that are not report text (navigation, metadata tables, bylines, share bars, footers).
//! Lines are judged in simplified characters, so a traditional site's `發布機構` reads the same.

/// Lines that start like this are furniture (checked on lines of at most 80 characters).
const PREFIXES: &[&str] = &[
    "您的位置",
    "当前位置",
    "所在位置",
    "您现在的位置",
    "当前页面",
    "来源:",
    "来源 :",
    "发布日期",
    "发布时间",
    "信息来源",
    "文章来源",
    "浏览次数",
    "访问次数",
    "浏览量",
    "点击数",
    "阅读:",
    "字号",
    "字体",
    "责任编辑",
    "编辑:",
    "分享到",
    "分享:",
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
    // Government open-information records (政府信息公开) and their metadata tables.
    "索引号",
    "信息索引号",
    "发布机构",
    "发布单位",
    "成文日期",
    "生成日期",
    "公开日期",
    "发文日期",
    "公开方式",
    "公开范围",
    "公开时限",
    "公开形式",
    "公开程序",
    "有效性",
    "有效期",
    "统一编号",
    "主题分类",
    "组配分类",
    "体裁分类",
    "文号",
    "文件编号",
    "发文字号",
    "发文机关",
    "文件登记号",
    "规范性文件登记号",
    "效力状况",
    "文件下载",
    "关键词",
    "关键字",
    "内容概述",
    "内容摘要",
    "日期:",
    "时间:",
    // Portals, news and repost sites.
    "首页",
    "会员登录",
    "用户登录",
    "新用户注册",
    "立即注册",
    "还没有账号",
    "投稿信箱",
    "相关新闻",
    "相关文章",
    "相关阅读",
    "推荐阅读",
    "最近更新",
    "热门推荐",
    "返回顶部",
    "返回首页",
    "终审",
    "审核:",
    "责编",
    "撰稿",
    "原标题",
    "Original URL",
    "【我要纠错",
    "我要纠错",
    "侵权投诉",
];

/// Short lines (at most 20 characters) that start like this are bylines, captions and badges.
const SHORT_PREFIXES: &[&str] = &[
    "记者",
    "通讯员",
    "摄影",
    "供图",
    "图片来源",
    "会议现场",
    "相关资料图",
    "(相关资料图)",
    "出处",
    "摘要",
    "VIP",
    "海报",
    "朗读",
    "收藏",
];

/// Lines containing one of these are furniture whatever they say besides (up to 120 chars).
const ANYWHERE: &[&str] = &[
    "由会员分享",
    "版权所有",
    "ICP备",
    "公网安备",
    "条评论",
    "打印本页",
    "关闭窗口",
    "在手机打开",
    "手机打开当前页",
    "责任编辑",
    "http://",
    "https://",
    "www.",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".shtml",
];

/// Lines that start like this are furniture even when long (disclaimers run on).
const LONG_PREFIXES: &[&str] = &["免责声明", "声明:本站", "版权声明"];

/// A footer begins: what follows it is furniture too when it is all short lines.
pub(super) const FOOTER_MARKERS: &[&str] = &[
    "相关新闻",
    "相关文章",
    "相关阅读",
    "推荐阅读",
    "最近更新",
    "关键词",
    "扫一扫",
    "用户登录",
    "出处",
    "【打印",
    "【关闭",
    "上一篇",
    "下一篇",
];

/// Is this (trimmed, normalised, simplified) line site furniture?
pub(super) fn is_chrome(line: &str) -> bool {
    let s = line.trim();
    if s.is_empty() {
        return false;
    }
    // Every test below is of a short line: count no further than the longest limit.
    let n = s.chars().take(121).count();
    if LONG_PREFIXES.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    if n <= 120 && ANYWHERE.iter().any(|p| s.contains(p)) {
        return true;
    }
    if n <= 80 && PREFIXES.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    if n <= 20 && SHORT_PREFIXES.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    // A site's menu: many short words side by side (`最新原创 专题 新经济 曝光台 …`).
    if s.contains(char::is_whitespace)
        && s.split_whitespace().count() >= 5
        && s.split_whitespace().all(|w| w.chars().nth(6).is_none())
        && !s.contains(['。', ',', ';', '%', '|'])
        && !s.contains(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // An e-mail address.
    if n <= 60 && s.contains('@') && s.is_ascii() {
        return true;
    }
    // Bullet bars of a news page (`• 来源:互联网`, `• |`, `• 2022-08-03`).
    if s.starts_with('•') && n <= 40 {
        return true;
    }
    // Only pipes, bullets and spaces: table debris.
    if s.chars().all(|c| matches!(c, '|' | '•' | ' ' | '-' | '_')) {
        return true;
    }
    // A metadata table flattened into `key | value | key | value` rows.
    if s.contains('|') && is_metadata_row(s) {
        return true;
    }
    // Sharing-site page thumbnails: `…_第3页`, `第3页 / 共17页`; PDF viewers' `Page 357`, `P. 357`.
    if n <= 120 && (ends_with_page_tag(s) || is_page_count(s)) {
        return true;
    }
    if n <= 40 && (s.starts_with("Page ") || s.starts_with("P. ")) {
        return true;
    }
    // Badges of repost sites: a lone count (`999+`), a file size (`15.62KB`), a page count (`13 页`).
    if n <= 12 && is_badge(s) {
        return true;
    }
    // A date or time alone, or a date with a word or two (`2023-02-13 12:26:41 职场参考`).
    if n <= 40 && starts_with_date(s) && !s.contains('。') && !s.contains(',') {
        return true;
    }
    false
}

/// Keys of open-government metadata tables (`索引号 | … | 发布机构 | …`).
fn is_metadata_row(s: &str) -> bool {
    [
        "索引号",
        "发布机构",
        "生成日期",
        "公开",
        "文件编号",
        "有效",
        "主题",
        "效力",
        "文件下载",
        "内容概述",
        "体裁",
        "成文日期",
        "发文",
    ]
    .iter()
    .any(|k| s.contains(k))
}

/// A navigation trail (`首页 > 新闻频道 > 财经快讯 >`, `>>政务公开>>…`).
pub(super) fn is_breadcrumb(line: &str) -> bool {
    let s = line.trim();
    // Steps of the trail: words between `>`s (`点击查看更多>>` is one word and a link).
    let steps = s.split('>').filter(|p| !p.trim().is_empty()).count();
    let arrows = s.contains('>');
    let n = s.chars().count();
    n <= 120
        && ([
            "您的位置",
            "当前位置",
            "您现在的位置",
            "当前页面",
            "所在位置",
        ]
        .iter()
        .any(|p| s.starts_with(p))
            || (arrows && steps >= 2 && (s.contains("首页") || s.contains("位置")))
            || steps >= 3 && !s.contains('。'))
}

fn is_badge(s: &str) -> bool {
    let t = s.trim_end_matches('+');
    let digits = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    if digits == 0 {
        return false;
    }
    let rest = t[digits..].trim();
    matches!(rest, "" | "KB" | "MB" | "页" | "次" | "阅读" | "浏览")
}

/// `2022-08-03`, `2023-02-13 12:26:41`, `2008-01-28 宣城市科技局供稿` at the start.
fn starts_with_date(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    if c.len() < 8 || !c[..4].iter().all(|d| d.is_ascii_digit()) {
        return false;
    }
    // Only the numeric forms of a site's time stamp; `2018年3月15日` is a document's own date.
    let sep = c[4];
    if !matches!(sep, '-' | '/' | '.') {
        return false;
    }
    let mo = c[5..].iter().take_while(|d| d.is_ascii_digit()).count();
    (1..=2).contains(&mo) && c.get(5 + mo) == Some(&sep)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_and_repost_furniture() {
        for l in [
            "索引号: | 002489460/2021-06050 | 文件编号: | |",
            "發布機構 | 江陰市科學技術局 | |",
            "成文日期2025-04-27 发布机构县科技局",
            "2023-02-13 12:26:41 职场参考",
            "15.62KB",
            "999+",
            "13 页",
            "184042016@qq.com",
            "1636364280528_6188eff8159bb86a44e64432 (1)(1).jpg",
            "Original URL: http://lib.sdsqw.cn/bin/mse.exe?K=bd",
            "Page 357 - 浦江年鉴2022",
            "扫一扫在手机打开当前页",
            "【我要纠错】 責任編輯:晏紫卉",
            "(相关资料图)",
            "最新原创 专题 新经济 曝光台 中国访谈 温州 绍兴 衢州 淳安 文娱",
        ] {
            let l = crate::parse::t2s::simplify_str(&crate::parse::normalise(l));
            assert!(is_chrome(&l), "{l}");
        }
    }

    #[test]
    fn report_lines_are_not_furniture() {
        for l in [
            "一、2024年工作总结",
            "(一)主要指标完成情况",
            "科学技术",
            "2023年,全县新增国家高新技术企业45家。",
            "柯城区 | 1.85 | 3 | 2.02 | 2 | 2.71 | 2 |",
            "2018年3月15日,市科技局召开会议,部署全年工作。",
        ] {
            assert!(!is_chrome(l), "{l}");
        }
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("首页 > 新闻频道 > 财经快讯 >"));
        assert!(is_breadcrumb(">>政务公开>>县级部门信息公开>>县科学技术局"));
        assert!(is_breadcrumb(
            "您现在的位置是: 首页 > 公众号好文 > 职场参考"
        ));
        assert!(!is_breadcrumb("增长率>10%的企业。"));
        assert!(!is_breadcrumb("点击查看更多>>"));
    }
}
