//! Layout repairs: text that extraction or a website broke apart is put back together — pages
//! of a sharing site, lines a PDF or an OCR hard-wrapped, giant one-line pages — and copies a
//! repost site adds (teasers, outlines, repeated titles) are dropped.

use super::chrome::is_breadcrumb;

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

pub(super) fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '。' | '!' | '?' | ';' | ':' | '”' | '"' | ')' | '…'))
}

/// Rejoins pages of a document-sharing site: lines starting `1、`, `2、`, … in sequence, long,
/// most of them ending mid-sentence. Genuine `1、` lists are short and end their sentences.
pub(super) fn join_pages(lines: &mut Vec<String>) -> bool {
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
            let rest = page_marker(l)
                .map(|(n, r)| strip_page_number(r, n))
                .unwrap_or(l.as_str());
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
pub(super) fn split_giant_line(line: &str) -> Vec<String> {
    if line.len() < 400 || line.chars().nth(399).is_none() {
        return vec![line.to_string()];
    }
    let chars: Vec<char> = line.chars().collect();
    // Most long lines have no place to split: no space, no heading after a sentence end.
    let splits = line.contains(' ')
        || (1..chars.len()).any(|i| {
            matches!(chars[i - 1], '。' | ':' | ';' | '!') && inline_heading_at(&chars, i)
        });
    if !splits {
        let t = line.trim();
        return if t.is_empty() {
            Vec::new()
        } else {
            vec![t.to_string()]
        };
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
        // Not a PDF space inside the heading's own year (`一、2016 年科技创新工作回顾`).
        let space = (0..pc.len().min(24)).find(|&k| {
            pc[k] == ' '
                && !(k > 0 && pc[k - 1].is_ascii_digit())
                && !matches!(pc.get(k + 1), Some('年' | '月'))
        });
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

/// `1、 1厦门市…`: a PDF page number repeated right after the page marker.
fn strip_page_number(rest: &str, n: u32) -> &str {
    let t = rest.trim_start();
    let num = n.to_string();
    match t.strip_prefix(num.as_str()) {
        Some(r) if !r.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '%') => r,
        _ => rest,
    }
}

/// Display width: Chinese characters count two, everything else one.
fn width(s: &str) -> usize {
    // By bytes: an ASCII byte is one char of width one, a lead byte starts a wide char, and
    // continuation bytes (`0b10xx_xxxx`) add nothing.
    s.bytes()
        .map(|b| match b {
            0..0x80 => 1,
            0x80..0xC0 => 0,
            _ => 2,
        })
        .sum()
}

/// A line that opens a new block whatever came before: a heading or a yearbook entry.
fn opens_block(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    let cn = |c: &char| "一二三四五六七八九十".contains(*c);
    let digits = c.iter().take_while(|d| d.is_ascii_digit()).count();
    // `2022 年,在市委…`: a paragraph that opens with its year.
    let year_led = c.len() > 6
        && c[..4].iter().all(|d| d.is_ascii_digit())
        && c[4..].iter().find(|d| **d != ' ') == Some(&'年')
        && c[4..]
            .iter()
            .filter(|d| **d != ' ')
            .nth(1)
            .is_some_and(|d| *d == ',');
    year_led
        || matches!(c.first(), Some('【' | '('))
        || (c.first().is_some_and(cn) && c.iter().find(|d| !cn(d)) == Some(&'、'))
        || (digits > 0
            && digits <= 2
            && matches!(c.get(digits), Some('.' | '、'))
            && !c.get(digits + 1).is_some_and(|d| d.is_ascii_digit()))
}

/// Rejoins lines a PDF or an OCR broke at a fixed width: when many lines are about as wide as the
/// widest ordinary ones and most of those do not end a sentence, each such full line continues on
/// the next. Reports typed as one paragraph per line never look like this: their lines vary in
/// width and end their sentences.
pub(super) fn join_hard_wraps(lines: &mut Vec<String>) -> bool {
    let widths: Vec<usize> = lines.iter().map(|l| width(l.trim())).collect();
    let mut long: Vec<usize> = widths.iter().copied().filter(|&w| w >= 24).collect();
    if long.len() < 4 {
        return false;
    }
    long.sort_unstable();
    let full_width = long[long.len() * 4 / 5];
    if full_width > 130 {
        return false;
    }
    let is_full = |w: usize| w * 100 >= full_width * 85 && w * 100 <= full_width * 115;
    // PDF lines vary with their spaces: a line over half the width that stops mid-sentence
    // continues too (a short one may be a heading or a title).
    let continues =
        |i: usize| is_full(widths[i]) || (widths[i] * 2 >= full_width && !ends_sentence(&lines[i]));
    let full: Vec<usize> = (0..lines.len()).filter(|&i| is_full(widths[i])).collect();
    let open = full.iter().filter(|&&i| !ends_sentence(&lines[i])).count();
    if full.len() < 4 || full.len() * 10 < long.len() * 4 || open * 2 < full.len() {
        return false;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut glue = false;
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim();
        match out.last_mut() {
            Some(last) if glue && !t.is_empty() && !opens_block(t) => {
                let ascii_seam = last.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && t.starts_with(|c: char| c.is_ascii_alphanumeric());
                if ascii_seam && !last.ends_with(|c: char| c.is_ascii_digit()) {
                    last.push(' ');
                }
                last.push_str(t);
            }
            _ => out.push(l.clone()),
        }
        glue = continues(i) && !t.is_empty();
    }
    *lines = out;
    true
}

/// A line that ends inside a decimal (`同比增长8.` / `3%`) continues on the next, whatever the
/// rest of the layout: no paragraph ends with a decimal point after a figure.
pub(super) fn join_split_decimals(lines: &mut Vec<String>) {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for l in lines.drain(..) {
        let t = l.trim_start();
        if let Some(last) = out.last_mut() {
            let tail: Vec<char> = last.trim_end().chars().rev().take(3).collect();
            // `…增长8.` but not a lone list number `1.`
            let split = tail.first() == Some(&'.')
                && tail.get(1).is_some_and(|c| c.is_ascii_digit())
                && tail.get(2).is_some_and(|c| !c.is_whitespace())
                && last.trim().chars().count() > 3;
            if split && t.starts_with(|c: char| c.is_ascii_digit()) {
                let keep = last.trim_end().len();
                last.truncate(keep);
                last.push_str(t);
                continue;
            }
        }
        out.push(l);
    }
    *lines = out;
}

/// Text without spaces, for comparing copies.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Drops what a repost site or an outline shows twice: a teaser that repeats the opening (often
/// cut with `…`), a table of contents before the text, a title repeated. A line among the first
/// ones goes when the text after it contains it again; a short one only in the header zone,
/// before the first long paragraph, so that a heading the summary and the plan share stays.
pub(super) fn drop_copies(lines: &mut Vec<String>) {
    const HEAD_LINES: usize = 12;
    let header_end = lines
        .iter()
        .position(|l| l.chars().count() >= 60 && !is_breadcrumb(l))
        .unwrap_or(lines.len());
    // A copy is of text soon after it (a teaser's opening, an outline's headings): compare with
    // the next stretch of text, not all of it.
    const REACH: usize = 40_000;
    let mut full = String::new();
    let mut ends = Vec::with_capacity(lines.len());
    for l in lines.iter() {
        if full.len() < REACH {
            if l.contains(char::is_whitespace) {
                full.extend(l.chars().filter(|c| !c.is_whitespace()));
            } else {
                full.push_str(l);
            }
        }
        ends.push(full.len());
    }
    let mut drop = vec![false; lines.len()];
    // Copies stand before the text proper: the header zone and the first long paragraph.
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(HEAD_LINES.min(header_end + 1))
    {
        let key = compact(l.trim_end().trim_end_matches(['.', '…']));
        let n = key.chars().count();
        let probe: String = key.chars().take(60).collect();
        let later = &full[ends[i]..];
        // Most lines are no copy: a short prefix (a SIMD search) rules them out cheaply.
        let head: String = key.chars().take(8).collect();
        let long_copy = n >= 30 && later.contains(&head) && later.contains(&probe);
        let short_copy = (8..30).contains(&n) && i < header_end && later.contains(key.as_str());
        drop[i] = long_copy || short_copy;
    }
    let mut k = 0;
    lines.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A table of contents before the text: a run of short numbered headings (`一、…`, `1.…`) without
/// sentences, at the top. Its `三、下半年工作打算` must not open the plan half before the text.
pub(super) fn drop_outline(lines: &mut Vec<String>, chrome: &mut Vec<String>) {
    let is_entry = |l: &str| {
        let n = l.chars().count();
        (3..=24).contains(&n) && opens_block(l) && !l.contains(['。', ',', ';'])
    };
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let Some(first) = first.filter(|&f| f < 12) else {
        return;
    };
    let run = lines[first..]
        .iter()
        .take_while(|l| l.trim().is_empty() || is_entry(l.trim()))
        .count();
    let entries = lines[first..first + run]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count();
    // A text follows, and it repeats the outline's first heading.
    let head = lines[first].trim().to_string();
    let repeated = lines[first + run..]
        .iter()
        .any(|l| l.trim().starts_with(&head));
    if entries >= 4 && repeated {
        chrome.extend(lines.drain(first..first + run));
    }
}

/// Two PDF columns read across (`左栏一行 右栏一行`): when many lines split at a space into a left
/// part of one common width, the page is two columns; the left column's lines are put first, then
/// the right column's. A line with one part only goes to the column left open mid-sentence.
pub(super) fn split_columns(lines: &mut Vec<String>) -> bool {
    const TOL: usize = 4;
    let widths: Vec<usize> = lines.iter().map(|l| width(l)).collect();
    // Two columns make lines of one page width: not giant one-line paragraphs.
    let mut wide: Vec<usize> = widths.iter().copied().filter(|&w| w >= 30).collect();
    wide.sort_unstable();
    let Some(&max) = wide.get(wide.len() * 9 / 10) else {
        return false;
    };
    if !(60..=200).contains(&max) {
        return false;
    }
    // Split candidates: (left width, char index of the space) per line.
    let cands: Vec<Vec<(usize, usize)>> = lines
        .iter()
        .map(|l| {
            let mut w = 0;
            let mut out = Vec::new();
            for (i, c) in l.chars().enumerate() {
                if c == ' ' && w > 0 {
                    out.push((w, i));
                }
                w += if c.is_ascii() { 1 } else { 2 };
            }
            out
        })
        .collect();
    // The left column's width: the width most lines can be split at.
    let mut best = (0, 0);
    for w in max * 3 / 10..=max * 7 / 10 {
        let n = cands
            .iter()
            .filter(|c| c.iter().any(|&(lw, _)| lw.abs_diff(w) <= TOL))
            .count();
        if n > best.1 {
            best = (w, n);
        }
    }
    let (left_w, hits) = best;
    let wide = widths.iter().filter(|&&w| w * 10 >= max * 8).count();
    if hits < 5 || hits * 10 < wide * 6 {
        return false;
    }
    let in_left = |k: usize| -> Vec<(usize, usize)> {
        cands[k]
            .iter()
            .copied()
            .filter(|&(lw, _)| lw.abs_diff(left_w) <= TOL)
            .collect()
    };
    // The right column's width, from the lines with one clear split.
    let mut rights: Vec<usize> = (0..lines.len())
        .filter_map(|k| match in_left(k)[..] {
            [(lw, _)] => Some(widths[k].saturating_sub(lw + 1)),
            _ => None,
        })
        .collect();
    rights.sort_unstable();
    let Some(&right_w) = rights.get(rights.len() / 2) else {
        return false;
    };
    // Two real columns are both about as wide on most lines; PDF spaces around figures in one
    // column fall anywhere.
    let paired = (0..lines.len())
        .filter(|&k| {
            in_left(k)
                .iter()
                .any(|&(lw, _)| widths[k].saturating_sub(lw + 1).abs_diff(right_w) <= TOL + 2)
        })
        .count();
    if right_w < 20 || paired < 5 || paired * 10 < wide * 6 {
        return false;
    }
    let split_at = |k: usize| -> Option<usize> {
        // Both columns as wide as usual: `申报认定 38 企业研发费用…` splits after the 38.
        let by_left = in_left(k)
            .into_iter()
            .min_by_key(|&(lw, _)| {
                lw.abs_diff(left_w) + widths[k].saturating_sub(lw + 1).abs_diff(right_w)
            })
            .map(|(_, i)| i);
        // A short heading or credit in the left column beside a full right line
        // (`科学技术 业,在亩均…`), never a number torn from its unit.
        by_left.or_else(|| {
            cands[k]
                .iter()
                .filter(|&&(lw, _)| lw < left_w)
                .filter(|&&(lw, _)| widths[k].saturating_sub(lw + 1).abs_diff(right_w) <= TOL)
                .map(|&(_, i)| i)
                .find(|&i| {
                    let head: String = lines[k].chars().take(i).collect();
                    !head.contains(|c: char| c.is_ascii_digit())
                })
        })
    };
    let mut left: Vec<String> = Vec::new();
    let mut right: Vec<String> = Vec::new();
    // A column is open when its last line stops mid-sentence (and is not a short heading).
    let open = |col: &Vec<String>| {
        col.last()
            .is_some_and(|l: &String| !ends_sentence(l) && l.chars().count() > 12)
    };
    for (k, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        match split_at(k) {
            Some(i) => {
                let c: Vec<char> = l.chars().collect();
                left.push(c[..i].iter().collect::<String>().trim().to_string());
                right.push(c[i + 1..].iter().collect::<String>().trim().to_string());
            }
            None if widths[k] <= left_w + TOL && open(&right) && !open(&left) => {
                right.push(l.trim().to_string())
            }
            None => left.push(l.trim().to_string()),
        }
    }
    left.retain(|l| !l.is_empty());
    right.retain(|l| !l.is_empty());
    *lines = left;
    lines.extend(right);
    true
}
