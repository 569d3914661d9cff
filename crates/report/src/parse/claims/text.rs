//! Text helpers of the claims stage: sentence and clause bounds, quoted and bracketed spans.

/// Spans masked for claims: quoted names (`“138工程”`), book titles (`《…》`) and parentheses.
pub(super) struct Masks<'a> {
    pub quoted: Vec<bool>,
    /// For chars inside `(…)`: the index of the opening parenthesis.
    pub paren: Vec<Option<usize>>,
    /// Every place named in the text (the gazetteer's scan, once per document).
    pub places: &'a [crate::parse::gazetteer::Hit],
}

pub(super) fn pair_spans(chars: &Txt, open: char, close: char, max: usize, mask: &mut [bool]) {
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == open {
            let end = (i + 1..chars.len().min(i + max + 1))
                .take_while(|&k| chars[k] != '\n')
                .find(|&k| chars[k] == close);
            if let Some(e) = end {
                for m in &mut mask[i..=e] {
                    *m = true;
                }
                i = e + 1;
                continue;
            }
        }
        i += 1;
    }
}

pub(super) fn masks<'a>(chars: &Txt, places: &'a [crate::parse::gazetteer::Hit]) -> Masks<'a> {
    let mut quoted = vec![false; chars.len()];
    pair_spans(chars, '“', '”', 40, &mut quoted);
    pair_spans(chars, '"', '"', 40, &mut quoted);
    pair_spans(chars, '《', '》', 80, &mut quoted);
    let mut paren = vec![None; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' {
            let end = (i + 1..chars.len().min(i + 81))
                .take_while(|&k| chars[k] != '\n' && chars[k] != '(')
                .find(|&k| chars[k] == ')');
            if let Some(e) = end {
                for p in &mut paren[i + 1..e] {
                    *p = Some(i);
                }
                i = e + 1;
                continue;
            }
        }
        i += 1;
    }
    Masks {
        quoted,
        paren,
        places,
    }
}

/// A text with each char's byte offset, so that a span of chars is cut as a borrowed slice.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    at: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        at.push(text.len());
        CharIndex { text, at }
    }

    /// Chars `a..b`, clamped to the text (empty when `a >= b`).
    pub(crate) fn slice(&self, a: usize, b: usize) -> &'a str {
        let b = b.min(self.at.len() - 1);
        &self.text[self.at[a.min(b)]..self.at[b]]
    }
}

/// The text the claims stage reads: its chars, and the same as one string indexed by char, so a
/// span is a borrowed slice (the stage looks at thousands of small spans).
pub(crate) struct Txt<'a> {
    chars: &'a [char],
    index: CharIndex<'a>,
    /// Where sentences end (the index of the ending char), without and with `;` as an end: the
    /// stage asks for a sentence's start many times per figure.
    ends: [Vec<usize>; 2],
    /// Where a book title closes (`》`): the few places a cited report's year can come from.
    pub closes: Vec<usize>,
}

impl<'a> Txt<'a> {
    /// `chars` are the chars of `s`.
    pub(crate) fn new(chars: &'a [char], s: &'a str) -> Txt<'a> {
        let index = CharIndex::new(s);
        debug_assert_eq!(index.at.len(), chars.len() + 1);
        let mut t = Txt {
            chars,
            index,
            ends: [Vec::new(), Vec::new()],
            closes: (0..chars.len()).filter(|&k| chars[k] == '》').collect(),
        };
        for semis in [false, true] {
            let ends: Vec<usize> = (0..chars.len())
                .filter(|&k| ends_sentence(&t, k, semis))
                .collect();
            t.ends[usize::from(semis)] = ends;
        }
        t
    }
}

impl std::ops::Deref for Txt<'_> {
    type Target = [char];
    fn deref(&self) -> &[char] {
        self.chars
    }
}

/// The chars `a..b` (clamped to the text) as a string slice.
pub(super) fn text<'t>(chars: &'t Txt, a: usize, b: usize) -> &'t str {
    chars.index.slice(a, b)
}

pub(super) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Start of the sentence containing `i` (after `。!?;` or a line break).
pub(super) fn sentence_start(chars: &Txt, i: usize, semis: bool) -> usize {
    // the last end before `i`, by binary search over the ends found once
    let ends = &chars.ends[usize::from(semis)];
    let p = ends.partition_point(|&e| e < i);
    if p == 0 {
        0
    } else {
        ends[p - 1] + 1
    }
}

pub(super) fn sentence_end(chars: &Txt, i: usize, semis: bool) -> usize {
    let ends = &chars.ends[usize::from(semis)];
    match ends.get(ends.partition_point(|&e| e < i)) {
        Some(&k) if chars[k] == '\n' => k,
        Some(&k) => k + 1,
        None => chars.len(),
    }
}

/// Does the char at `k` end a sentence? A `?` between two Chinese characters is a glyph an OCR
/// lost (`补助?费120万元`), not a question.
fn ends_sentence(chars: &Txt, k: usize, semis: bool) -> bool {
    match chars[k] {
        '。' | '!' | '\n' => true,
        ';' => semis,
        '?' => !(k > 0 && is_cjk(chars[k - 1]) && chars.get(k + 1).is_some_and(|&c| is_cjk(c))),
        _ => false,
    }
}

/// Start of the clause containing `i`: after a comma, colon, sentence end or parenthesis.
pub(super) fn clause_start(chars: &Txt, i: usize, parens: bool) -> usize {
    let mut k = i;
    while k > 0 {
        let c = chars[k - 1];
        // `研究与试验发展(R&D)经费`: an abbreviation in brackets is part of the noun.
        if parens && c == ')' {
            let open = (k.saturating_sub(9)..k - 1)
                .rev()
                .find(|&o| chars[o] == '(');
            if let Some(o) = open {
                let inner = &chars[o + 1..k - 1];
                let abbreviation = !inner.is_empty()
                    && inner
                        .iter()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '.' | ' '));
                // `R&D(研究与试验发展)经费`: the words an abbreviation stands for.
                let expansion = o > 0 && chars[o - 1].is_ascii_alphabetic();
                // `创新(孵化)平台`, `创新型(试点)企业`: a word inside a noun; not an aside
                // (`(含…)`, `(其中…)`, `(全省…)`).
                let inside_noun = o > 0
                    && is_cjk(chars[o - 1])
                    && chars.get(k).is_some_and(|&c| is_cjk(c))
                    && (1..=4).contains(&inner.len())
                    && inner.iter().all(|&c| is_cjk(c))
                    && !matches!(
                        inner[0],
                        '含' | '其' | '全' | '占' | '不' | '注' | '下' | '以'
                    );
                if abbreviation || expansion || inside_noun {
                    k = o;
                    continue;
                }
            }
        }
        if matches!(c, '。' | '!' | '?' | '\n' | ';' | ',' | ':')
            || (parens && matches!(c, '(' | ')'))
        {
            break;
        }
        k -= 1;
    }
    k
}

pub(super) fn clause_end(chars: &Txt, i: usize) -> usize {
    let mut k = i;
    while k < chars.len() && !matches!(chars[k], '。' | '!' | '?' | '\n' | ';' | ',' | ':') {
        k += 1;
    }
    k
}
