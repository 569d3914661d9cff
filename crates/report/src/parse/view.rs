//! Reading view: the stored text as the later stages read it — traditional characters simplified,
//! a repost site's pinyin glosses (`達(dá)到`) dropped, spaces inside figures and words (`37 家`,
//! `GDP 比重`) removed — with a map back, so every offset a claim or item carries points into the
//! text as written and its sentence is shown as written.

use super::t2s::simplify;

pub(crate) struct View {
    pub text: String,
    /// For each view char, the index of the stored char it reads; then the stored length.
    map: Vec<usize>,
}

/// Tone-marked vowels: a parenthesis holding one of these after a Chinese character is a gloss.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || TONED.contains(c) || c == 'ü' || c == 'ê'
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Length (in chars, parentheses included) of a pinyin gloss starting at `i`, if one does.
fn gloss_at(chars: &[char], i: usize) -> Option<usize> {
    if chars[i] != '(' || i == 0 || !is_cjk(chars[i - 1]) {
        return None;
    }
    let close = (i + 1..chars.len().min(i + 9)).find(|&k| chars[k] == ')')?;
    let inner = &chars[i + 1..close];
    let ok = !inner.is_empty()
        && inner.iter().all(|&c| is_pinyin_letter(c))
        && inner.iter().any(|&c| TONED.contains(c));
    ok.then_some(close + 1 - i)
}

/// Old variant glyphs some publishers' fonts and OCR produce, read as the common character
/// (OpenCC's table maps traditional forms, not these).
fn variant(c: char) -> char {
    match c {
        '髙' => '高',
        '淸' => '清',
        '敎' => '教',
        '靑' => '青',
        '眞' => '真',
        c => c,
    }
}

/// Is the space run `i..j` a thousands separator of a PDF (`1 860 万元`): one to three digits
/// that start a number before it, exactly three digits after, then no further digit?
fn thousands_gap(chars: &[char], i: usize, j: usize) -> bool {
    if j - i > 2 {
        return false;
    }
    let lead = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let starts_number = i
        .checked_sub(lead + 1)
        .is_none_or(|k| !chars[k].is_ascii_digit() && chars[k] != '.');
    let group = chars[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=3).contains(&lead) && starts_number && group == 3
}

/// `s` simplified and without pinyin glosses: how clean-up judges a line of site furniture
/// (`發(fā)布時(shí)間` reads as `发布时间`).
pub(crate) fn plain_line(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(n) = gloss_at(&chars, i) {
            i += n;
            continue;
        }
        out.push(simplify(chars[i]));
        i += 1;
    }
    out
}

/// A char the view keeps as it is (most of them): copied in runs, not one by one.
fn ordinary(c: char) -> bool {
    !matches!(c, ' ' | '\t' | '(' | '?' | '/') && simplify(c) == c && variant(c) == c
}

/// Reads the char at `i`, which is not [`ordinary`], into the view; returns the next index.
fn special(chars: &[char], i: usize, text: &mut String, map: &mut Vec<usize>) -> usize {
    let c = chars[i];
    if let Some(n) = gloss_at(chars, i) {
        return i + n;
    }
    if c == ' ' || c == '\t' {
        // A run of spaces stays (as one) only between two ASCII characters:
        // `Science & Technology`, `2016 2017`; PDF spaces next to Chinese go.
        let mut j = i;
        while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
            j += 1;
        }
        if thousands_gap(chars, i, j) {
            return j;
        }
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(j).copied();
        if before.is_some_and(|b| b.is_ascii_graphic())
            && after.is_some_and(|a| a.is_ascii_graphic())
        {
            text.push(' ');
            map.push(i);
        }
        return j;
    }
    // `11.8/%`: a stray slash between a figure and its percent sign.
    if c == '/' && i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1) == Some(&'%') {
        return i + 1;
    }
    // A glyph an OCR lost between two Chinese characters (`补助?费`) reads as nothing.
    if c == '?' && i > 0 && is_cjk(chars[i - 1]) && chars.get(i + 1).is_some_and(|&n| is_cjk(n)) {
        return i + 1;
    }
    text.push(variant(simplify(c)));
    map.push(i);
    i + 1
}

impl View {
    pub fn new(stored: &str) -> View {
        let chars: Vec<char> = stored.chars().collect();
        let mut text = String::with_capacity(stored.len());
        let mut map = Vec::with_capacity(chars.len() + 1);
        // The current run of ordinary chars starts at char `run`, byte `run_byte`; `byte` is
        // where char `i` starts.
        let (mut run, mut run_byte, mut byte) = (0, 0, 0);
        let mut i = 0;
        while i < chars.len() {
            if ordinary(chars[i]) {
                byte += chars[i].len_utf8();
                i += 1;
                continue;
            }
            text.push_str(&stored[run_byte..byte]);
            map.extend(run..i);
            let next = special(&chars, i, &mut text, &mut map);
            byte += chars[i..next].iter().map(|c| c.len_utf8()).sum::<usize>();
            (run, run_byte, i) = (next, byte, next);
        }
        text.push_str(&stored[run_byte..]);
        map.extend(run..chars.len());
        map.push(chars.len());
        View { text, map }
    }

    /// The stored offset where the view char `i` starts (`i` may be the view's length).
    pub fn start(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)]
    }

    /// The stored offset just past the view chars before `i` (an exclusive end).
    pub fn end(&self, i: usize) -> usize {
        match i.min(self.map.len() - 1) {
            0 => 0,
            i => self.map[i - 1] + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> String {
        View::new(s).text
    }

    #[test]
    fn traditional_reads_as_simplified() {
        assert_eq!(view("認定高新技術企業319家"), "认定高新技术企业319家");
        assert_eq!(view("力爭"), "力争");
    }

    #[test]
    fn pinyin_glosses_are_dropped() {
        assert_eq!(view("達(dá)到75億元"), "达到75亿元");
        assert_eq!(view("企業(yè)80家"), "企业80家");
        // not glosses: a Latin abbreviation, a bracket without tones, a note in Chinese
        assert_eq!(view("研究與實驗發展(R&D)"), "研究与实验发展(R&D)");
        assert_eq!(view("中心(xx)"), "中心(xx)");
        assert_eq!(view("企业(含分支)"), "企业(含分支)");
    }

    #[test]
    fn spaces_inside_figures_and_words_go() {
        assert_eq!(view("高新技术企业37 家"), "高新技术企业37家");
        assert_eq!(view("GDP 比重达 3.02%"), "GDP比重达3.02%");
        assert_eq!(view("2022 年"), "2022年");
        assert_eq!(
            view("Science & Technology Today"),
            "Science & Technology Today"
        );
        assert_eq!(view("R&D 2.3%"), "R&D 2.3%");
    }

    #[test]
    fn digit_groups_split_by_spaces_join() {
        assert_eq!(
            view("争取上级科技资金 1 860 万元"),
            "争取上级科技资金1860万元"
        );
        assert_eq!(view("资金 12 345 678 元"), "资金12345678元");
        // not groups: years side by side, a count beside a four-digit figure, decimals
        assert_eq!(view("2016 2017"), "2016 2017");
        assert_eq!(view("覆盖 12 个乡镇和 34 个村"), "覆盖12个乡镇和34个村");
        assert_eq!(view("第 3 1234 号"), "第3 1234号");
        assert_eq!(view("3.5 200"), "3.5 200");
    }

    #[test]
    fn old_variant_glyphs_read_as_the_common_ones() {
        assert_eq!(view("新增髙新技术企业"), "新增高新技术企业");
    }

    #[test]
    fn offsets_map_back_to_the_stored_text() {
        let stored = "投入總量達(dá)到75億元, GDP 比重";
        let v = View::new(stored);
        let vc: Vec<char> = v.text.chars().collect();
        let sc: Vec<char> = stored.chars().collect();
        let at = v
            .text
            .find("75")
            .map(|b| v.text[..b].chars().count())
            .unwrap();
        assert_eq!(sc[v.start(at)], '7');
        // the view span 达到75亿元 maps to the stored span with its gloss
        let from = at - 2;
        let to = at + 4;
        let span: String = sc[v.start(from)..v.end(to)].iter().collect();
        assert_eq!(span, "達(dá)到75億元");
        assert_eq!(v.end(vc.len()), sc.len());
        assert_eq!(v.start(vc.len()), sc.len());
    }
}
