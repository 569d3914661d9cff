//! The app's words in Chinese (default) and English: a small key → (zh, en) table.

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Value of the `lang` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Value of `<html lang>`.
    pub fn html(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn is_en(self) -> bool {
        self == Lang::En
    }

    /// Picks the Chinese or English of a pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

const TABLE: &[(&str, &str, &str)] = &[
    (
        "tagline",
        "对照各地科技局的目标与实绩，每个数字都附原文出处",
        "What local science & technology bureaus promised and what they say they delivered, each number with its source sentence",
    ),
    ("skip", "跳到对比内容", "Skip to the comparison"),
    ("lang_switch", "English", "中文"),
    ("lang_switch_label", "Switch to English", "切换到中文"),
    ("care", "大字模式", "Large text"),
    ("care_label", "适老化大字模式", "Large text, high contrast mode"),
    ("views", "视图", "Views"),
    ("view_indicators", "指标对比", "Indicators"),
    ("view_scorecard", "成绩单", "Scorecard"),
    ("view_topics", "分主题", "Topics"),
    (
        "sc_hint",
        "每项目标对照同一地点当年总结报告所说的实绩。点击数字查看原文。",
        "Each goal beside the result the same place's report for that year claims. Numbers open their source sentences.",
    ),
    ("sc_no_goals", "所选地点年份没有目标。", "The chosen place-years have no goals."),
    ("sc_rates", "各地目标完成情况", "Goals met, by place and year"),
    ("sc_goals", "目标数", "Goals"),
    ("sc_rate", "达成率", "Met or exceeded"),
    ("sc_results_from", "实绩来自", "Results from"),
    ("sc_estimated", "实绩为预计数", "the result is an estimate"),
    ("sc_no_result", "报告未提及", "not in the report"),
    ("view_chart", "图表", "Chart"),
    ("view_report", "报告原文", "Report"),
    ("picker", "选择地点和年份", "Choose places and years"),
    ("picker_change", "更改", "Change"),
    ("picker_done", "收起", "Done"),
    (
        "picker_hint",
        "可多选。每一列是一个地点的一个年份：显示该年的目标和该年的实绩。",
        "Pick several. Each column is a place in a year: the goals set for that year and the achievements claimed for it.",
    ),
    ("clear", "清空选择", "Clear selection"),
    ("default_sel", "恢复默认", "Reset to default"),
    ("inferred", "推断", "inferred"),
    ("inferred_title", "报告未写明地名，由线索推断：", "The report does not name its place; inferred from: "),
    ("no_report", "无本级报告", "no report of its own"),
    (
        "empty_selection",
        "尚未选择地点和年份。请在上方勾选至少一个，例如“衢州市 2021”。",
        "No place-year selected yet. Tick at least one above, for example “衢州市 2021”.",
    ),
    ("selected", "已选择", "Selected"),
    ("selected_unit", "个地点年份", "place-years"),
    ("caption", "目标与实绩对比", "Goals and achievements compared"),
    ("indicator", "指标", "Indicator"),
    ("goal", "目标", "Goal"),
    ("achievement", "实绩", "Achieved"),
    ("no_data", "无数据", "no data"),
    ("sources", "来源", "Source"),
    ("report_suffix", "年报告", " report"),
    ("show_source", "查看出处", "show source"),
    ("warning_marker", "此报告有警告", "this report has warnings"),
    ("warnings", "报告警告", "Report warnings"),
    (
        "no_rows",
        "所选地点年份没有可比较的数字。",
        "The selected place-years hold no comparable numbers.",
    ),
    ("legend", "图例", "Legend"),
    (
        "legend_text",
        "◎ 目标：计划达到的数；✓ 实绩：报告称已完成的数。≥ 不少于，> 超过，约 左右，近 接近，确保/力争 为语气，预计 为估计数。✔ 达成 / ▲ 超额 / ▼ 未达成：与同年实绩相比；↗ 目标较上年：与上一年实绩相比。⚠ 该报告有警告。点击数字查看原文。",
        "◎ Goal: a number aimed for; ✓ Achieved: a number the report says was reached. ≥ at least, > more than, ≈ about, nearly = just under; ensure/strive is the wording; estimate = 预计. ✔ met / ▲ exceeded / ▼ missed: against the same year's result; ↗ target vs last year: against the year before. ⚠ the report has warnings. Click a number to see its source.",
    ),
    ("status_title", "目标完成情况（与同年实绩比较）", "Target vs result in the same year"),
    ("ambition_title", "目标与上年实绩相比", "Target compared with last year's result"),
    ("approx_result", "实绩为约数", "the result is approximate"),
    ("dialog_title", "数字出处", "Source of the number"),
    ("close", "关闭", "Close"),
    ("source_sentence", "原文", "Source sentence"),
    ("report", "报告", "Report"),
    ("place", "地点", "Place"),
    ("years", "年份", "Years"),
    ("summary_year", "总结年份", "Summary year"),
    ("plan_year", "计划年份", "Plan year"),
    ("published", "发布日期", "Published"),
    ("subject", "对象", "Subject"),
    ("value", "数值", "Value"),
    ("kind", "类别", "Kind"),
    ("open_report", "在此打开整篇报告", "Open the whole report here"),
    ("topics_title", "分主题对照", "Topics side by side"),
    ("filter", "筛选条目", "Filter items"),
    ("filter_placeholder", "输入关键词，如 孵化", "Type a word, e.g. 孵化"),
    ("matches", "条匹配", "matching items"),
    ("no_items", "无相关条目", "no items"),
    ("chart_title", "图表", "Chart"),
    ("chart_indicator", "选择指标", "Indicator"),
    (
        "chart_no_numbers",
        "该指标在所选地点年份没有可画的数字。",
        "This indicator has no numbers to draw for the selected place-years.",
    ),
    ("chart_data", "图表数据", "Chart data"),
    ("chart_ranks", "排名（不画柱）", "Ranks (not drawn as bars)"),
    ("measure_level", "数量", "Amount"),
    ("measure_growth", "增速", "Growth"),
    ("measure_share", "占比", "Share"),
    ("measure_rank", "排名", "Rank"),
    ("reader_title", "报告原文", "Report text"),
    ("choose_report", "选择报告", "Report"),
    ("reader_hint", "高亮的数字可点击查看详情。", "Highlighted numbers open their details."),
    ("export", "导出", "Export"),
    ("download_csv", "下载当前对比 CSV", "Download this comparison (CSV)"),
    ("download_scorecard_csv", "下载成绩单 CSV", "Download this scorecard (CSV)"),
    ("download_svg", "下载图 SVG", "Download the chart (SVG)"),
    ("embed_view", "嵌入此视图", "Embed this view"),
    (
        "embed_hint",
        "把这段代码放进网页：显示当前所选的地点、年份和视图，并随内容自动调整高度。",
        "Put this code in a web page: it shows the places, years and view chosen now, and sizes itself to its content.",
    ),
    ("embed_copy", "复制代码", "Copy the code"),
    ("embed_copied", "已复制。", "Copied."),
    ("embed_copy_failed", "无法自动复制，请选中上面的代码手动复制。", "Could not copy: select the code above and copy it."),
    ("download_png", "下载图 PNG", "Download the chart (PNG)"),
    ("download_json", "下载全部数据 JSON", "Download all data (JSON)"),
    ("print", "打印", "Print"),
    ("offline", "下载离线版", "Download for offline use"),
    (
        "notes_title",
        "部分链接参数无法识别或所指报告不在本页（可能添加在别人的设备上），已忽略：",
        "Some link parameters were not understood or name reports not on this page (perhaps added on another device); ignored:",
    ),
    ("province_failed", "这个地方所在省份的数据文件缺失或已损坏：", "The data file of this place's province is missing or damaged: "),
    ("local_damaged", "一份本机保存的报告已损坏，已跳过：", "A report stored on this device is damaged and was skipped: "),
    ("here_label", "（本机）", " (on this device)"),
    ("add_report", "添加报告", "Add report"),
    ("dismiss", "知道了", "Dismiss"),
    ("column", "列", "Column"),
    ("redacted_note", "已隐去", "redacted"),
    ("other_row", "其他", "Other"),
    ("unit", "单位", "unit"),
    ("module_loading", "正在载入此视图…", "Loading this view…"),
    ("module_failed", "此视图的模块文件未能载入（请使用完整的离线包或单文件版）。", "This view's module file could not be loaded (use the complete offline folder or the single-file version)."),
    ("text_loading", "正在载入原文…", "Loading the source text…"),
    ("text_failed", "原文文件缺失，无法显示（请使用完整的离线包或单文件版）。", "The source text file is missing (use the complete offline folder or the single-file version)."),
    ("json_preparing", "正在准备数据…", "Preparing the data…"),
    ("other_places", "其他地方", "Other places"),
    ("groups_loading", "正在载入所选地方的数据…", "Loading the data of the places chosen…"),
    ("groups_failed", "部分地方的数据文件缺失或已损坏，这些数字无法显示（请使用完整的离线包或单文件版）。", "The data file of some places is missing or damaged, so their numbers cannot be shown (use the complete offline folder or the single-file version)."),
    ("footer", "数据来自各地科技局公开的工作报告，经自动解析；以原文为准。", "Data from published work reports of local science & technology bureaus, parsed automatically; the source text is authoritative."),
];

/// The word for `key` in `lang`; the key itself when missing (visible, never a crash).
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    match TABLE.iter().find(|e| e.0 == key) {
        Some((_, zh, en)) => lang.pick(zh, en),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_translated() {
        for (i, (k, zh, en)) in TABLE.iter().enumerate() {
            assert!(TABLE[i + 1..].iter().all(|e| e.0 != *k), "duplicate {k}");
            assert!(!zh.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(t(Lang::Zh, "goal"), "目标");
        assert_eq!(t(Lang::En, "goal"), "Goal");
        assert_eq!(t(Lang::En, "nope"), "nope");
        assert_eq!(Lang::En.html(), "en");
        assert_eq!(Lang::Zh.html(), "zh-CN");
    }
}
