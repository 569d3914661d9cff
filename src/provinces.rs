//! A country's reports, a province at a time (`report::pack::pack_provinces`): the index names the
//! provinces with their places, and a province's reports arrive with its manifest, loaded like a
//! report text (same loader, `__duibiaoText("m:<province>", …)`) when the picker opens the
//! province or a link names one of its places. A manifest is appended to the corpus ([`absorb`]);
//! the views module appends the same manifests in the same order ([`sync`]), since both name a
//! report by its place in the corpus.

use std::cell::RefCell;

use report::compare::PlaceYear;
use report::pack::Province;

use crate::groups::Claims;
use crate::texts::page;
use crate::{append, data};

thread_local! {
    static PROVINCES: RefCell<Vec<Province>> = const { RefCell::new(Vec::new()) };
    /// Manifests appended, in order.
    static MERGED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Manifests asked for and not appended yet.
    static ASKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static FAILED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Called once, with the index's provinces.
pub(crate) fn set(provinces: Vec<Province>) {
    PROVINCES.with(|p| *p.borrow_mut() = provinces);
}

/// The index's provinces (none unless the corpus is a country's).
pub fn list() -> Vec<Province> {
    with(<[Province]>::to_vec)
}

/// `f` of the index's provinces, without a copy (they list every place of a country).
fn with<R>(f: impl FnOnce(&[Province]) -> R) -> R {
    data();
    PROVINCES.with(|p| f(&p.borrow()))
}

/// Manifests appended to the corpus so far, in order (by province name).
pub fn merged() -> Vec<String> {
    MERGED.with(|m| m.borrow().clone())
}

fn has(list: &'static std::thread::LocalKey<RefCell<Vec<String>>>, name: &str) -> bool {
    list.with(|l| l.borrow().iter().any(|n| n == name))
}

/// Whether province `name`'s reports are here.
pub fn status(name: &str) -> Claims {
    let manifest = with(|l| l.iter().any(|p| p.name == name && !p.file.is_empty()));
    match manifest {
        false => Claims::Ready,
        true if has(&MERGED, name) => Claims::Ready,
        true if has(&FAILED, name) => Claims::Failed,
        true => Claims::Loading,
    }
}

/// Asks for province `name`'s manifest; the app renders again when it is here.
pub fn request(name: &str) {
    if status(name) != Claims::Loading || has(&ASKED, name) {
        return;
    }
    if let Some((id, file)) = with(|l| {
        l.iter()
            .find(|p| p.name == name)
            .map(|p| (p.id(), p.file.clone()))
    }) {
        ASKED.with(|a| a.borrow_mut().push(name.to_string()));
        page::load(&id, &file);
    }
}

/// Appends every manifest that has arrived (in the order they were asked for) and notes the
/// ones that could not be loaded or read. Returns whether the corpus changed.
pub fn absorb() -> bool {
    let mut changed = false;
    for name in ASKED.with(|a| a.borrow().clone()) {
        let text = match page::text_of(&report::pack::manifest_id(&name)) {
            Ok(None) => continue,
            Ok(Some(text)) => Some(text),
            Err(()) => None,
        };
        ASKED.with(|a| a.borrow_mut().retain(|n| *n != name));
        match text.map(|t| merge(&name, &t)) {
            Some(Ok(())) => changed = true,
            Some(Err(e)) => fail(&name, &e),
            None => fail(&name, "missing"),
        }
    }
    changed
}

/// Appends manifest `text` of province `name` to the corpus, and counts it as appended.
fn merge(name: &str, text: &str) -> Result<(), String> {
    append(report::pack::unpack(text)?);
    MERGED.with(|m| m.borrow_mut().push(name.to_string()));
    Ok(())
}

fn fail(name: &str, why: &str) {
    FAILED.with(|f| f.borrow_mut().push(name.to_string()));
    crate::corpus_changed();
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(
        &format!("Duibiao: the places of {name} could not be read: {why}").into(),
    );
    #[cfg(not(target_arch = "wasm32"))]
    let _ = why;
}

/// Appends the manifests `names` in that order where this copy of the corpus lacks them (the
/// views module, after the app appended them): the texts are the page's already.
pub fn sync(names: &[String]) {
    let mine = merged();
    if names.len() <= mine.len() || !names.starts_with(&mine) {
        return;
    }
    for name in &names[mine.len()..] {
        let text = page::text_of(&report::pack::manifest_id(name))
            .ok()
            .flatten();
        if text.is_none_or(|t| merge(name, &t).is_err()) {
            // Out of step with the app from here on: stop rather than number reports apart.
            return;
        }
    }
}

/// The province whose places include `place` (a name as shown, or a short form naming one place).
pub fn province_of(place: &str) -> Option<String> {
    with(|provinces| find_province(provinces, place))
}

fn find_province(provinces: &[Province], place: &str) -> Option<String> {
    let exact = provinces
        .iter()
        .find(|p| p.places.iter().any(|n| n == place));
    if let Some(p) = exact {
        return Some(p.name.clone());
    }
    let mut found = provinces.iter().filter_map(|p| {
        let short = p
            .places
            .iter()
            .filter(|n| n.starts_with(place) && n.chars().count() == place.chars().count() + 1)
            .count();
        (short > 0).then_some((p, short))
    });
    match (found.next(), found.next()) {
        (Some((p, 1)), None) => Some(p.name.clone()),
        _ => None,
    }
}

/// The provinces whose manifests a link needs, each once: those of its `places=` and `cols=` names
/// that no report here has, and for a `doc=` no report here has, those of the places its id names
/// (`衢州市科技局2022年工作总结`) or, when none of them is still to come, every province still to
/// come (an id need not name its place).
pub fn for_link(search: &str, available: &[PlaceYear]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for place in crate::url::linked_places(search) {
        if crate::url::resolve_place(&place, available).is_some() {
            continue;
        }
        if let Some(p) = province_of(&place) {
            if status(&p) == Claims::Loading && !out.contains(&p) {
                out.push(p);
            }
        }
    }
    let missing =
        crate::url::linked_doc(search).filter(|doc| !data().documents.iter().any(|d| d.id == *doc));
    if let Some(doc) = missing {
        let coming = |named: bool| {
            with(|ps| {
                ps.iter()
                    .filter(|p| status(&p.name) == Claims::Loading)
                    .filter(|p| !named || p.places.iter().any(|n| doc.contains(n.as_str())))
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
            })
        };
        let mut pick = coming(true);
        if pick.is_empty() {
            pick = coming(false);
        }
        for p in pick {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn province(name: &str, places: &[&str]) -> Province {
        Province {
            name: name.into(),
            name_en: None,
            file: format!("t/m-{name}.js"),
            cities: 1,
            places: places.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn a_links_places_name_the_provinces_to_load() {
        data();
        set(vec![
            province("江苏省", &["南京市", "江宁区", "苏州市"]),
            province("广东省", &["广州市", "广宁县"]),
        ]);
        assert_eq!(province_of("江宁区").as_deref(), Some("江苏省"));
        // A short form naming one place.
        assert_eq!(province_of("苏州").as_deref(), Some("江苏省"));
        assert_eq!(province_of("广州").as_deref(), Some("广东省"));
        assert_eq!(province_of("火星市"), None);
        let avail = crate::available();
        // Places here already (the seeds' 衢州市) need nothing; two of 江苏, one of 广东.
        assert_eq!(
            for_link("places=衢州市,南京,江宁区&cols=广州市:2024", &avail),
            ["江苏省", "广东省"]
        );
        assert_eq!(
            for_link("places=衢州&view=chart", &avail),
            Vec::<String>::new()
        );
        set(Vec::new());
    }

    #[test]
    fn a_links_report_not_here_names_the_provinces_to_load() {
        let here = crate::doc_ids()[0].clone();
        set(vec![
            province("江苏省", &["南京市", "江宁区"]),
            province("广东省", &["广州市"]),
        ]);
        let avail = crate::available();
        // A report here needs nothing.
        assert!(for_link(&format!("view=report&doc={here}"), &avail).is_empty());
        // An id that names a place: that place's province.
        let named = "view=report&doc=南京市科技局2023年工作总结";
        assert_eq!(for_link(named, &avail), ["江苏省"]);
        // An id that names none: every province still to come.
        assert_eq!(for_link("doc=gen_0046", &avail), ["江苏省", "广东省"]);
        // 江苏 here and the report still not found: the provinces left.
        MERGED.with(|m| m.borrow_mut().push("江苏省".into()));
        assert_eq!(for_link(named, &avail), ["广东省"]);
        MERGED.with(|m| m.borrow_mut().clear());
        set(Vec::new());
    }
}
