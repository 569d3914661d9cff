//! 添加前核对: what the parser understood of one report, as `report check` shows it, with the
//! place and years open to correction (the fields of a sidecar `.toml`).

use std::rc::Rc;

use report::compare::{format_value, number_span, tags};
use report::parse::{Overrides, Parsed};
use report::{Kind, Level};
use yew::prelude::*;

use crate::components::{indicator_name, marked};
use crate::i18n::Lang;

/// A report read from a file or a paste, waiting to be added.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Unique within the dialog (list key, input ids).
    pub key: u32,
    /// The file name, or what the person typed for a paste.
    pub name: String,
    /// The decoded text as given (parsed again after a correction).
    pub text: Rc<String>,
    pub encoding: Option<&'static str>,
    pub ov: Overrides,
    pub parsed: Rc<Parsed>,
    /// Already on this page (built in or added before).
    pub duplicate: bool,
}

impl PartialEq for Candidate {
    fn eq(&self, o: &Self) -> bool {
        self.key == o.key
            && Rc::ptr_eq(&self.parsed, &o.parsed)
            && self.duplicate == o.duplicate
            && self.ov == o.ov
    }
}

impl Candidate {
    /// Whether it can be added: not a duplicate, something to compare was read, and a year to
    /// show it under (without one it would appear nowhere in the picker).
    pub fn addable(&self) -> bool {
        let d = &self.parsed.doc;
        !self.duplicate
            && !d.claims.is_empty()
            && (d.summary_year.is_some() || d.plan_year.is_some())
    }
}

pub fn level_name(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::Province => lang.pick("省级", "province"),
        Level::City => lang.pick("地级市", "city"),
        Level::County => lang.pick("县（市）", "county"),
        Level::District => lang.pick("市辖区", "district"),
        Level::Unknown => lang.pick("级别未知", "level unknown"),
    }
}

fn year(y: Option<i32>) -> String {
    y.map_or_else(|| "—".into(), |y| y.to_string())
}

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub c: Candidate,
    pub lang: Lang,
    /// Parse again with these corrections.
    pub on_correct: Callback<(u32, Overrides)>,
    pub on_drop: Callback<u32>,
}

/// One report's check card.
#[component]
pub fn Check(p: &CheckProps) -> Html {
    let lang = p.lang;
    let c = &p.c;
    let d = &c.parsed.doc;
    let r = &d.region;
    let id = |f: &str| format!("chk-{}-{f}", c.key);
    let count = |k: Kind| d.claims.iter().filter(|x| x.kind == k).count();
    let place = match (&r.parent, lang) {
        (Some(parent), Lang::Zh) => {
            format!("{}（{}，属{}）", r.name, level_name(r.level, lang), parent)
        }
        (Some(parent), Lang::En) => format!(
            "{} ({}, in {})",
            r.name_en.as_deref().unwrap_or(&r.name),
            level_name(r.level, lang),
            r.parent_en.as_deref().unwrap_or(parent)
        ),
        (None, _) => format!("{}（{}）", r.name, level_name(r.level, lang)),
    };
    let inferred = r.inferred.then(|| {
        let e = r.evidence.clone().unwrap_or_default();
        html! { <span class="muted">{ lang.pick("（推断，依据：", " (inferred from: ") }{ e }{ lang.pick("）", ")") }</span> }
    });
    let (claims, goals, achs) = (d.claims.len(), count(Kind::Goal), count(Kind::Achievement));
    let (items, numbers, skipped) = (d.items.len(), c.parsed.numbers, c.parsed.skipped.len());
    let summary = match lang {
        Lang::Zh => format!(
            "读到 {claims} 条指标（目标 {goals}，实绩 {achs}），{items} 条工作事项；文中共 {numbers} 个数字，{skipped} 个未作为指标。"
        ),
        Lang::En => format!(
            "{claims} claims ({goals} goals, {achs} achievements), {items} work items; {numbers} numbers in the text, {skipped} not taken as claims."
        ),
    };
    // Empty fields show what was read (the placeholder), so a correction starts from it.
    let field = |name: &'static str, label: &str, value: String, read: String, numeric: bool| {
        let fid = id(name);
        html! {
            <label class="fld" for={fid.clone()}>
                <span>{ label.to_string() }</span>
                <input id={fid} name={name} value={value} placeholder={read}
                    inputmode={numeric.then_some("numeric")} autocomplete="off" />
            </label>
        }
    };
    let read_year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    let form = use_node_ref();
    let msg = use_state(String::new);
    // The lists are drawn when opened: a long report has hundreds of numbers, and drawing them all
    // up front doubled the wait for the card on a slow phone.
    let claims_open = use_state(|| false);
    let skipped_open = use_state(|| false);
    let toggled = |flag: &UseStateHandle<bool>| {
        let flag = flag.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                flag.set(d.open());
            }
        })
    };
    let on_submit = {
        let (form, cb, key, lang) = (form.clone(), p.on_correct.clone(), c.key, lang);
        let set_msg = msg.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(f) = form.cast::<web_sys::HtmlFormElement>() else {
                return;
            };
            let get = |n: &str| {
                f.elements()
                    .named_item(n)
                    .and_then(|x| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(x).ok()
                    })
                    .map(|i| i.value().trim().to_string())
                    .filter(|v| !v.is_empty())
            };
            match overrides(
                get("place"),
                get("summary_year"),
                get("plan_year"),
                get("title"),
                get("published"),
                lang,
            ) {
                Ok(ov) => {
                    set_msg.set(String::new());
                    cb.emit((key, ov));
                }
                Err(m) => set_msg.set(m),
            }
        })
    };
    let drop = {
        let (cb, key) = (p.on_drop.clone(), c.key);
        Callback::from(move |_| cb.emit(key))
    };
    let problem = if c.duplicate {
        Some(lang.pick(
            "这份报告已在本页，不会重复添加。",
            "This report is already on this page; it will not be added twice.",
        ))
    } else if d.claims.is_empty() {
        Some(lang.pick(
            "没有读到任何目标或实绩数字：这段文字看起来不是科技工作报告，无法添加。",
            "No goal or achievement figures were read: this does not look like a work report, so it cannot be added.",
        ))
    } else if d.summary_year.is_none() && d.plan_year.is_none() {
        Some(lang.pick(
            "未能确定报告的年份：请在下方填写总结年份或计划年份并重新读取，然后才能添加。",
            "The report's years could not be found: fill in the summary or plan year below and read again before adding it.",
        ))
    } else {
        None
    };
    let en = lang.is_en();
    html! {
        <section class="check" aria-labelledby={id("h")}>
            <h3 id={id("h")} tabindex="-1">{ &c.name }</h3>
            if let Some(m) = problem {
                <p class="add-msg bad" role="alert">{ m }</p>
            }
            <dl class="facts">
                <dt>{ lang.pick("标题", "Title") }</dt><dd>{ if d.title.is_empty() { "—".to_string() } else { d.title.clone() } }</dd>
                <dt>{ lang.pick("地点", "Place") }</dt><dd>{ place }{ for inferred }</dd>
                <dt>{ lang.pick("年份", "Years") }</dt>
                <dd>{ format!("{}{} · {}{}", lang.pick("总结 ", "summary "), year(d.summary_year), lang.pick("计划 ", "plan "), year(d.plan_year)) }</dd>
                <dt>{ lang.pick("读到", "Read") }</dt><dd>{ summary }</dd>
            </dl>
            if !d.warnings.is_empty() {
                <ul class="warnings">
                    { for d.warnings.iter().map(|w| html! {
                        <li><span aria-hidden="true">{ "⚠ " }</span>{ if en { &w.message_en } else { &w.message } }</li>
                    }) }
                </ul>
            }
            <form class="correct" ref={form} onsubmit={on_submit}>
                <p class="hint">{ lang.pick("地点或年份不对？在此更正后重新读取（与附注文件 .toml 的字段相同）。", "Place or years wrong? Correct them here and read again (the fields of a sidecar .toml).") }</p>
                { field("place", lang.pick("地点", "Place"), c.ov.place.clone().unwrap_or_default(), r.name.clone(), false) }
                { field("summary_year", lang.pick("总结年份", "Summary year"), read_year(c.ov.summary_year), read_year(d.summary_year), true) }
                { field("plan_year", lang.pick("计划年份", "Plan year"), read_year(c.ov.plan_year), read_year(d.plan_year), true) }
                { field("title", lang.pick("标题", "Title"), c.ov.title.clone().unwrap_or_default(), d.title.clone(), false) }
                { field("published", lang.pick("发布日期", "Published"), c.ov.published.clone().unwrap_or_default(), d.published.clone().unwrap_or_default(), false) }
                if !msg.is_empty() {
                    <p class="add-msg bad" role="alert">{ (*msg).clone() }</p>
                }
                <div class="row">
                    <button type="submit" class="btn">{ lang.pick("按更正重新读取", "Read again with corrections") }</button>
                    <button type="button" class="btn" onclick={drop}>{ lang.pick("不添加这份", "Leave this one out") }</button>
                </div>
            </form>
            <details ontoggle={toggled(&claims_open)}>
                <summary>{ match lang { Lang::Zh => format!("全部 {} 条指标及原文", d.claims.len()), Lang::En => format!("All {} claims with their sentences", d.claims.len()) } }</summary>
                if *claims_open {
                <ol class="claims">
                    { for d.claims.iter().map(|x| {
                        let kind = match x.kind { Kind::Goal => lang.pick("目标", "Goal"), Kind::Achievement => lang.pick("实绩", "Achievement") };
                        let name = x.indicator.as_deref().map_or(lang.pick("其他数字", "Other numbers"), |i| indicator_name(i, lang));
                        let tg: Vec<&str> = tags(x, en);
                        let hl: Vec<_> = number_span(x).into_iter().collect();
                        html! {
                            <li>
                                <p><strong>{ kind }</strong>{ " " }{ year(x.year) }{ " · " }{ name }{ " · " }
                                    { for tg.iter().map(|t| html! { <span class="tag">{ *t }{ " " }</span> }) }
                                    <strong class="val">{ format_value(x, en) }</strong></p>
                                <blockquote lang="zh-CN">{ marked(&x.text, &hl) }</blockquote>
                            </li>
                        }
                    }) }
                </ol>
                }
            </details>
            if !c.parsed.skipped.is_empty() {
                <details ontoggle={toggled(&skipped_open)}>
                    <summary>{ match lang { Lang::Zh => format!("未作为指标的 {} 个数字", c.parsed.skipped.len()), Lang::En => format!("{} numbers not taken as claims", c.parsed.skipped.len()) } }</summary>
                    if *skipped_open {
                    <ul class="skipped">
                        { for c.parsed.skipped.iter().map(|s| {
                            let (zh, en_) = s.reason.describe();
                            html! { <li><code>{ &s.written }</code>{ " — " }{ lang.pick(zh, en_) }</li> }
                        }) }
                    </ul>
                    }
                </details>
            }
        </section>
    }
}

/// Corrections as typed, checked: years are four digits between 1949 and 2100.
pub fn overrides(
    place: Option<String>,
    summary: Option<String>,
    plan: Option<String>,
    title: Option<String>,
    published: Option<String>,
    lang: Lang,
) -> Result<Overrides, String> {
    let year = |v: Option<String>| -> Result<Option<i32>, String> {
        match v {
            None => Ok(None),
            Some(v) => match v.trim_end_matches('年').parse::<i32>() {
                Ok(y) if (1949..=2100).contains(&y) => Ok(Some(y)),
                _ => Err(match lang {
                    Lang::Zh => format!("“{v}”不是年份：请填四位数年份，如 2024。"),
                    Lang::En => format!("“{v}” is not a year: write four digits, e.g. 2024."),
                }),
            },
        }
    };
    Ok(Overrides {
        place,
        summary_year: year(summary)?,
        plan_year: year(plan)?,
        published,
        title,
        by_hand: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_are_checked() {
        let ov = overrides(
            Some("宁波市".into()),
            Some("2023年".into()),
            Some("2024".into()),
            None,
            None,
            Lang::Zh,
        )
        .unwrap();
        assert_eq!(
            (ov.place.as_deref(), ov.summary_year, ov.plan_year),
            (Some("宁波市"), Some(2023), Some(2024))
        );
        let err = overrides(None, Some("23".into()), None, None, None, Lang::En).unwrap_err();
        assert!(err.contains("23") && err.contains("four digits"), "{err}");
        assert!(overrides(None, None, Some("二〇二四".into()), None, None, Lang::Zh).is_err());
        // Nothing typed: nothing overridden, and the corrections are marked as typed by hand.
        assert_eq!(
            overrides(None, None, None, None, None, Lang::Zh).unwrap(),
            Overrides {
                by_hand: true,
                ..Overrides::default()
            }
        );
    }
}
