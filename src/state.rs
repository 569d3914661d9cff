//! The app's state: one `Reducible` struct changed only through `Action`s, shared by context.

use std::rc::Rc;

use report::compare::{ClaimRef, PlaceYear};
use yew::prelude::*;

use crate::i18n::Lang;

/// The main views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Indicators,
    Scorecard,
    Topics,
    Chart,
    Report,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Indicators,
        View::Scorecard,
        View::Topics,
        View::Chart,
        View::Report,
    ];

    /// Value of the `view` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            View::Indicators => "indicators",
            View::Scorecard => "scorecard",
            View::Topics => "topics",
            View::Chart => "chart",
            View::Report => "report",
        }
    }

    pub fn from_code(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == s)
    }

    /// i18n key of the view's name.
    pub fn label_key(self) -> &'static str {
        match self {
            View::Indicators => "view_indicators",
            View::Scorecard => "view_scorecard",
            View::Topics => "view_topics",
            View::Chart => "view_chart",
            View::Report => "view_report",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A URL parameter value that was not understood and was ignored (shown to the user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    pub lang: Lang,
    pub view: View,
    /// Selected columns, in picker order.
    pub selection: Vec<PlaceYear>,
    /// Indicator id shown in the chart.
    pub indicator: Option<String>,
    /// Topic filter text.
    pub query: String,
    pub embed: bool,
    /// A validated CSS colour.
    pub accent: Option<String>,
    /// 适老化 mode: large text, high contrast, big targets.
    pub care: bool,
    /// Forced theme; `None` follows the system.
    pub theme: Option<Theme>,
    /// Ignored URL values, until dismissed.
    pub notes: Vec<Note>,
    /// The claim whose provenance dialog is open.
    pub dialog: Option<ClaimRef>,
    /// Document id shown in the report reader.
    pub report: Option<String>,
    /// A claim the reader should scroll to and focus.
    pub focus: Option<ClaimRef>,
    /// Counts report texts arrived (or failed), so views waiting for one render again.
    pub texts: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Adds or removes one column; `order` is every available place-year in picker order.
    Toggle(PlaceYear, Rc<Vec<PlaceYear>>),
    Select(Vec<PlaceYear>),
    Clear,
    SetView(View),
    SetLang(Lang),
    SetIndicator(String),
    SetQuery(String),
    OpenClaim(ClaimRef),
    CloseDialog,
    /// Switches to the reader on a document, optionally scrolled to a claim.
    OpenReport {
        doc: String,
        focus: Option<ClaimRef>,
    },
    /// The reader has scrolled to its claim.
    Focused,
    DismissNotes,
    ToggleCare,
    /// A report text was loaded (or could not be).
    TextsArrived,
    /// The state as the other side of `crate::deferred` (the app, or the views module) has it.
    Replace(Box<AppState>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Toggle(py, order) => {
                if let Some(i) = s.selection.iter().position(|p| p == &py) {
                    s.selection.remove(i);
                } else if order.contains(&py) {
                    s.selection.push(py);
                    s.selection = crate::url::keep_order(&order, |p| s.selection.contains(p));
                }
            }
            Action::Select(sel) => s.selection = sel,
            Action::Clear => s.selection.clear(),
            Action::SetView(v) => {
                s.view = v;
                s.focus = None;
            }
            Action::SetLang(l) => s.lang = l,
            Action::SetIndicator(id) => s.indicator = Some(id),
            Action::SetQuery(q) => s.query = q,
            Action::OpenClaim(c) => s.dialog = Some(c),
            Action::CloseDialog => s.dialog = None,
            Action::OpenReport { doc, focus } => {
                s.view = View::Report;
                s.report = Some(doc);
                s.focus = focus;
                s.dialog = None;
            }
            Action::Focused => s.focus = None,
            Action::DismissNotes => s.notes.clear(),
            Action::ToggleCare => s.care = !s.care,
            Action::TextsArrived => s.texts = s.texts.wrapping_add(1),
            Action::Replace(new) => s = *new,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

/// The state handle components read and dispatch to.
pub type AppContext = UseReducerHandle<AppState>;

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> Rc<Vec<PlaceYear>> {
        Rc::new(vec![
            PlaceYear::new("衢州市", 2021),
            PlaceYear::new("衢州市", 2022),
            PlaceYear::new("温州市", 2024),
        ])
    }

    fn reduce(s: AppState, a: Action) -> AppState {
        (*Rc::new(s).reduce(a)).clone()
    }

    #[test]
    fn toggle_adds_in_picker_order_and_removes() {
        let s = reduce(
            AppState::default(),
            Action::Toggle(PlaceYear::new("温州市", 2024), order()),
        );
        let s = reduce(s, Action::Toggle(PlaceYear::new("衢州市", 2021), order()));
        assert_eq!(
            s.selection,
            vec![
                PlaceYear::new("衢州市", 2021),
                PlaceYear::new("温州市", 2024)
            ]
        );
        let s = reduce(s, Action::Toggle(PlaceYear::new("衢州市", 2021), order()));
        assert_eq!(s.selection, vec![PlaceYear::new("温州市", 2024)]);
        // Only existing combinations can be added.
        let s = reduce(s, Action::Toggle(PlaceYear::new("温州市", 1999), order()));
        assert_eq!(s.selection.len(), 1);
        let s = reduce(s, Action::Clear);
        assert!(s.selection.is_empty());
    }

    #[test]
    fn dialog_and_reader() {
        let c = ClaimRef { doc: 1, claim: 2 };
        let s = reduce(AppState::default(), Action::OpenClaim(c));
        assert_eq!(s.dialog, Some(c));
        let s2 = reduce(s.clone(), Action::CloseDialog);
        assert_eq!(s2.dialog, None);
        let s = reduce(
            s,
            Action::OpenReport {
                doc: "000".into(),
                focus: Some(c),
            },
        );
        assert_eq!((s.view, s.dialog, s.focus), (View::Report, None, Some(c)));
        assert_eq!(s.report.as_deref(), Some("000"));
        let s = reduce(s, Action::Focused);
        assert_eq!(s.focus, None);
    }

    #[test]
    fn simple_setters() {
        let s = reduce(AppState::default(), Action::SetView(View::Chart));
        assert_eq!(s.view, View::Chart);
        let s = reduce(s, Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
        let s = reduce(s, Action::SetQuery("孵化".into()));
        assert_eq!(s.query, "孵化");
        let s = reduce(s, Action::SetIndicator("talent".into()));
        assert_eq!(s.indicator.as_deref(), Some("talent"));
        let s = reduce(s, Action::ToggleCare);
        assert!(s.care);
        // A text arriving changes the state, so views waiting for it render again.
        let before = s.texts;
        let s = reduce(s, Action::TextsArrived);
        assert_ne!(s.texts, before);
        let mut n = s.clone();
        n.notes.push(Note {
            key: "view".into(),
            value: "x".into(),
        });
        let n = reduce(n, Action::DismissNotes);
        assert!(n.notes.is_empty());
    }

    #[test]
    fn replace_takes_the_whole_state() {
        let s = reduce(AppState::default(), Action::TextsArrived);
        let new = AppState {
            view: View::Chart,
            dialog: Some(ClaimRef { doc: 0, claim: 1 }),
            ..AppState::default()
        };
        let s = reduce(s, Action::Replace(Box::new(new.clone())));
        assert_eq!(s, new);
    }

    #[test]
    fn no_change_keeps_the_same_state() {
        let s = Rc::new(AppState::default());
        let s2 = s.clone().reduce(Action::CloseDialog);
        assert!(Rc::ptr_eq(&s, &s2));
    }

    #[test]
    fn view_codes_round_trip() {
        for v in View::ALL {
            assert_eq!(View::from_code(v.code()), Some(v));
        }
        assert_eq!(View::from_code("table"), None);
    }
}
