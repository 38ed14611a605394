//! Did-you-mean: the closest known name to an unknown one.
//!
//! A candidate is close when it is the same key after folding Unicode
//! confusables (Cyrillic `а` for Latin `a`, fullwidth letters, zero-width
//! characters), the same key ignoring case and `_` / `-`, or within an edit
//! distance of 2 (optimal string alignment: a swap of two neighbours counts
//! as one edit).
//!
//! ```
//! use omnicontact::suggest::closest;
//!
//! let known = ["customFields", "contactManager", "app_push_token"];
//! assert_eq!(closest("customFileds", known), Some("customFields"));
//! assert_eq!(closest("арp_push_token", known), Some("app_push_token")); // Cyrillic а and р
//! assert_eq!(closest("CONTACT_MANAGER", known), Some("contactManager"));
//! assert_eq!(closest("zzz", known), None);
//! ```

/// Keys longer than this (in chars) are only compared after folding, not by
/// edit distance, so that a hostile key costs linear time.
const MAX_EDIT_LEN: usize = 64;

/// The closest of `candidates` to `key`, or `None` when none is close.
///
/// Ties go to the earliest candidate.
///
/// ```
/// assert_eq!(omnicontact::suggest::closest("$emial", ["$email", "$sms"]), Some("$email"));
/// ```
#[must_use]
pub fn closest<'c, I>(key: &str, candidates: I) -> Option<&'c str>
where
    I: IntoIterator<Item = &'c str>,
{
    let folded = fold_confusables(key);
    let loose_key = loose(&folded);
    let key_chars: Vec<char> = folded.to_lowercase().chars().collect();
    let mut best: Option<(usize, &'c str)> = None;
    for candidate in candidates {
        if candidate == folded {
            return Some(candidate);
        }
        let rank = if loose(candidate) == loose_key {
            0
        } else if key_chars.len() <= MAX_EDIT_LEN {
            let cand: Vec<char> = candidate.to_lowercase().chars().collect();
            let longest = cand.len().max(key_chars.len());
            match edit_distance(&key_chars, &cand, 2) {
                // A short key two edits away from a short name is noise.
                Some(d) if d * 3 <= longest => d,
                _ => continue,
            }
        } else {
            continue;
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Replaces characters that look like ASCII letters with those letters and
/// drops invisible ones.
///
/// ```
/// assert_eq!(omnicontact::suggest::fold_confusables("ｅｍａｉｌ\u{200B}"), "email");
/// ```
#[must_use]
pub fn fold_confusables(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Spells `s` in ASCII where that keeps every letter: confusables folded,
/// diacritics dropped (`plaukų` → `plauku`), and each run of other
/// non-alphanumeric characters turned into one `_`; `None` when a letter
/// has no ASCII spelling (`名前`), since a name that loses letters is no
/// suggestion.
pub(crate) fn ascii_identifier(s: &str) -> Option<String> {
    let folded = fold_confusables(s);
    let decomposed = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd().normalize(&folded);
    let mut out = String::with_capacity(decomposed.len());
    for c in decomposed.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if is_combining_mark(c) {
            // A diacritic of the letter before it.
        } else if c.is_alphanumeric() {
            return None;
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    Some(out.trim_matches('_').to_owned())
}

/// The combining diacritical marks blocks (U+0300–U+036F, U+1AB0–U+1AFF,
/// U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Letters of other scripts that look like ASCII letters, sorted by the
/// first char (Cyrillic and Greek homoglyphs).
const LOOKALIKES: &[(char, char)] = &[
    ('Α', 'A'),
    ('Β', 'B'),
    ('Ε', 'E'),
    ('Ζ', 'Z'),
    ('Η', 'H'),
    ('Ι', 'I'),
    ('Κ', 'K'),
    ('Μ', 'M'),
    ('Ν', 'N'),
    ('Ο', 'O'),
    ('Ρ', 'P'),
    ('Τ', 'T'),
    ('Υ', 'Y'),
    ('Χ', 'X'),
    ('α', 'a'),
    ('ε', 'e'),
    ('ι', 'i'),
    ('κ', 'k'),
    ('ν', 'v'),
    ('ο', 'o'),
    ('ρ', 'p'),
    ('τ', 't'),
    ('υ', 'u'),
    ('χ', 'x'),
    ('Ѕ', 'S'),
    ('І', 'I'),
    ('Ј', 'J'),
    ('А', 'A'),
    ('В', 'B'),
    ('Е', 'E'),
    ('К', 'K'),
    ('М', 'M'),
    ('Н', 'H'),
    ('О', 'O'),
    ('Р', 'P'),
    ('С', 'C'),
    ('Т', 'T'),
    ('Х', 'X'),
    ('а', 'a'),
    ('в', 'b'),
    ('е', 'e'),
    ('к', 'k'),
    ('м', 'm'),
    ('н', 'h'),
    ('о', 'o'),
    ('р', 'p'),
    ('с', 'c'),
    ('т', 't'),
    ('у', 'y'),
    ('х', 'x'),
    ('ё', 'e'),
    ('ѕ', 's'),
    ('і', 'i'),
    ('ј', 'j'),
    ('һ', 'h'),
    ('ԁ', 'd'),
    ('ԛ', 'q'),
    ('ԝ', 'w'),
];

/// Characters that show nothing: zero-width spaces and joiners, marks,
/// the BOM and the soft hyphen, bidi controls, variation selectors, tags,
/// and the Hangul fillers (letters that render blank, used in spoofing).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

fn fold_char(c: char) -> Option<char> {
    match c {
        // Invisible characters.
        c if is_invisible(c) => None,
        // Fullwidth ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
        // Dashes and low lines.
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{FE4D}'..='\u{FE4F}' => Some('_'),
        c => Some(
            LOOKALIKES
                .binary_search_by_key(&c, |&(from, _)| from)
                .map_or(c, |i| LOOKALIKES[i].1),
        ),
    }
}

/// Lowercase with `_` and `-` removed.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Optimal string alignment distance, or `None` when it exceeds `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_identifiers_keep_every_letter() {
        assert_eq!(
            ascii_identifier("plaukų spalva").as_deref(),
            Some("plauku_spalva")
        );
        assert_eq!(ascii_identifier("ąb").as_deref(), Some("ab"));
        assert_eq!(
            ascii_identifier("-hair--color-").as_deref(),
            Some("hair_color")
        );
        assert_eq!(ascii_identifier("ｅｍａｉｌ").as_deref(), Some("email"));
        assert_eq!(ascii_identifier("名前"), None);
        assert_eq!(ascii_identifier("łaba"), None);
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one() {
        assert_eq!(
            edit_distance(&chars("fileds"), &chars("fields"), 2),
            Some(1)
        );
        assert_eq!(edit_distance(&chars("abc"), &chars("abc"), 2), Some(0));
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting"), 2), None);
        assert_eq!(edit_distance(&chars(""), &chars("ab"), 2), Some(2));
    }

    #[test]
    fn prefers_the_folded_match_over_an_edit() {
        assert_eq!(
            closest("firstname", ["firstNme", "firstName"]),
            Some("firstName")
        );
    }

    #[test]
    fn short_unrelated_keys_get_no_suggestion() {
        assert_eq!(closest("ab", ["id", "type"]), None);
        assert_eq!(closest("tag", ["tags"]), Some("tags"));
    }

    #[test]
    fn long_keys_are_cheap_and_unmatched() {
        let key = "x".repeat(100_000);
        assert_eq!(closest(&key, ["email"]), None);
    }

    #[test]
    fn lookalike_table_is_sorted_for_binary_search() {
        assert!(LOOKALIKES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn folds_greek_and_zero_width() {
        assert_eq!(closest("ρhοne\u{200B}", ["phone"]), Some("phone"));
    }
}
