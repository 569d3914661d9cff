//! What is not a claim: dates, names, policy parameters, ordinals, other places' figures.

use super::subject::SCOPES;
use super::text::*;
use super::Context;
use crate::parse::numbers::{Num, NumKind};

pub(super) const RANK_CUES: &[&str] = &[
    "居",
    "列",
    "排名",
    "排",
    "蝉联",
    "保持",
    "跃升至",
    "进入",
    "跻身",
    "为",
    "获",
    "县域",
];

/// Is this rank or top-N a position of the place (`居全省第三`), not an ordinal (`第三届`,
/// `第一完成单位`, `第二方阵`)?
pub(super) fn is_position(chars: &[char], n: &Num) -> bool {
    let next = chars.get(n.end).copied().unwrap_or('。');
    if n.base != "位" && is_cjk(next) {
        return false;
    }
    // A scope word or a ranking verb shortly before: `居全省第三`, `位居全省县市首位`,
    // `排名全省第二`, `县域第一名`.
    let before = text(chars, n.start.saturating_sub(10), n.start);
    let near = text(chars, n.start.saturating_sub(8), n.start);
    SCOPES.iter().any(|(w, _)| before.contains(w)) || RANK_CUES.iter().any(|w| near.contains(w))
}

/// Why a number is not a claim, if it is not.
pub(super) fn not_a_claim(ctx: &Context, m: &Masks, n: &Num) -> bool {
    let chars = ctx.chars;
    // The title line states years only.
    if let Some(t) = ctx.st.title.map(|t| &ctx.st.paras[t]) {
        if t.start <= n.start && n.start < t.end {
            return true;
        }
    }
    // `“零”的突破` is itself quoted; everything else in quotes is a name.
    if n.kind != NumKind::Zero && m.quoted.get(n.start).copied().unwrap_or(false) {
        return true;
    }
    // Figures in a parenthesis about the province or country, or a breakdown (`含…`).
    if let Some(open) = m.paren.get(n.start).copied().flatten() {
        let inside = text(chars, open + 1, open + 4);
        if ["全省", "全国", "含", "其中"]
            .iter()
            .any(|w| inside.starts_with(w))
        {
            return true;
        }
    }
    let cs = clause_start(chars, n.start, false);
    let clause_before = text(chars, cs, n.start);
    let fs = sentence_start(chars, n.start, false);
    let sentence_before = text(chars, fs, n.start);
    // Policy parameters: subsidies granted, how award money is to be split.
    if clause_before.contains("给予") || sentence_before.contains("奖励资金") {
        return true;
    }
    match n.kind {
        NumKind::Rank | NumKind::Top => {
            if n.value.is_none() || !is_position(chars, n) {
                return true;
            }
        }
        NumKind::Fraction | NumKind::Zero => {}
        NumKind::Plain => {
            if n.unit.is_empty() || n.value.is_none() && !n.redacted {
                return true;
            }
            const NOT_UNITS: &[&str] = &[
                "年", "月", "日", "天", "周", "届", "号", "期", "大", "版", "强", "位", "倍", "亿",
            ];
            if NOT_UNITS.contains(&n.base.as_str()) || n.unit == "位" {
                return true;
            }
            // Chinese numerals are counts of things in names and slogans (`两个全覆盖`,
            // `六大产业`), except money (`千亿元`) and round hundreds (`近百家`, `上百场`, `百名`).
            if n.chinese && n.base != "元" {
                let round = matches!(
                    text(chars, n.start, n.end).chars().next(),
                    Some('百' | '千')
                ) && n.value.is_some_and(|v| v == 100.0 || v == 1000.0);
                let count_unit = ["家", "场", "名", "人", "项", "个"].contains(&n.unit.as_str());
                let b1 = text(chars, n.start.saturating_sub(1), n.start);
                // `千人计划` is a name; `近百家`, `上百场`, `百名` are counts.
                let counted = ["近", "上", "超"].contains(&b1.as_str()) || n.unit == "名";
                if !(round && count_unit && counted) {
                    return true;
                }
            }
            // `其中xx%是光电类项目`: a composition, not an outcome.
            if n.unit == "%" && chars.get(n.end) == Some(&'是') {
                return true;
            }
            let b1 = text(chars, n.start.saturating_sub(1), n.start);
            // `由200万元扩大到1000万元`: the old level is a baseline; `每两周` a frequency.
            if b1 == "由" || b1 == "每" || b1 == "前" {
                return true;
            }
            // Labels: `1条主线:`, `十个“主要指标”`, `8大行动:`.
            let after = text(chars, n.end, n.end + 4);
            if chars.get(n.end) == Some(&'“') || (after.contains(':') && cs + 1 >= n.start) {
                return true;
            }
            if after.starts_with("主线") {
                return true;
            }
            // Participants, not results: `2家企业作为参与单位完成的科技成果获…`.
            if text(chars, n.end, n.end + 8).contains("作为") {
                return true;
            }
            // The bureau's own arrangements: `优选100名…人才`, `组成8个…团队`, `分成x个片区`.
            if ["优选", "组成", "分成"]
                .iter()
                .any(|w| clause_before.ends_with(w))
            {
                return true;
            }
            // Policy descriptions: `将原…政策中…等7项用于建设经费的补助,统一调整为…`.
            let clause_after = text(chars, n.end, clause_end(chars, n.end));
            if sentence_before.contains("政策") && clause_after.contains("补助") {
                return true;
            }
            // A comparison with another figure (`超过固定资产同比增速6.2个百分点`).
            if n.unit == "个百分点"
                && ["超过", "高于", "快于", "低于"]
                    .iter()
                    .any(|w| clause_before.contains(w))
            {
                return true;
            }
        }
    }
    false
}
