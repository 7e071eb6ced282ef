//! Languages. English lives in the code, as the keys; Korean and Mongolian
//! come from catalogue files (`public/i18n/ko.tsv`, `mn.tsv`) that the app
//! fetches only for a reader who needs them, so an English first visit
//! carries no translation bytes.
//!
//! Strings go through [`t!`](crate::t): a literal key, optionally with named
//! `{placeholders}` that translations may reorder (Korean puts the verb
//! last). A unit test reads every `t!` key in `src/` and checks that both
//! catalogues translate it, with the same placeholders.

use std::cell::RefCell;
use std::fmt::Display;

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ko,
    Mn,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ko, Lang::Mn];

    pub fn slug(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Mn => "mn",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.slug() == slug)
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ko => "한국어",
            Lang::Mn => "Монгол",
        }
    }

    /// The first of a browser's preferred languages that we have ("ko-KR"
    /// is Korean); English otherwise.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or("");
                Lang::from_slug(&primary.to_ascii_lowercase())
            })
            .unwrap_or_default()
    }

    /// Where the catalogue is, next to `index.html`; English has none.
    pub fn catalogue_file(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Ko => Some("i18n/ko.tsv"),
            Lang::Mn => Some("i18n/mn.tsv"),
        }
    }
}

/// Message id to translation, sorted by id for binary search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalogue {
    entries: Vec<(String, String)>,
}

impl Catalogue {
    /// One `id<TAB>translation` per line; `#` starts a comment line; `\n`
    /// in either column is a line break.
    pub fn parse(text: &str) -> Result<Catalogue, String> {
        let mut entries = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: no tab between id and translation", index + 1))?;
            entries.push((key.to_string(), value.replace("\\n", "\n")));
        }
        // Compared in place: a key function would clone two strings per
        // comparison, hundreds of thousands of times for a catalogue.
        crate::core::data::order::sort_by(&mut entries, |(a, _), (b, _)| a.cmp(b));
        Ok(Catalogue { entries })
    }

    pub fn get(&self, id: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .map(|i| self.entries[i].1.as_str())
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }
}

thread_local! {
    static ACTIVE: RefCell<(Lang, Catalogue)> = RefCell::new((Lang::En, Catalogue::default()));
}

/// Makes `lang` the language of everything formatted from now on, on this
/// thread (the browser has one; each test thread starts in English).
pub fn activate(lang: Lang, catalogue: Catalogue) {
    ACTIVE.with(|a| *a.borrow_mut() = (lang, catalogue));
}

pub fn lang() -> Lang {
    ACTIVE.with(|a| a.borrow().0)
}

/// The active translation of message `id`, or its `english` text (English,
/// or an id a catalogue lacks, which the completeness test forbids). The id
/// is stable, so correcting the English text keeps its translations.
pub fn tr(id: &str, english: &str) -> String {
    ACTIVE.with(|a| {
        // try_borrow: the panic hook translates too, and must not panic
        // again if the panic came from inside `activate`.
        let active = a.try_borrow();
        let translated = active.as_ref().ok().and_then(|a| a.1.get(id));
        translated.unwrap_or(english).to_string()
    })
}

/// The grammatical number a count takes (CLDR's cardinal categories for
/// the three languages: English and Mongolian say "one" only of 1; Korean
/// has a single form).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

impl Plural {
    pub fn of(lang: Lang, count: u64) -> Plural {
        match (lang, count) {
            (Lang::Ko, _) => Plural::Other,
            (Lang::En | Lang::Mn, 1) => Plural::One,
            _ => Plural::Other,
        }
    }

    /// The suffix of the catalogue id: `destinations.one`, `.other`.
    pub fn suffix(self) -> &'static str {
        match self {
            Plural::One => "one",
            Plural::Other => "other",
        }
    }
}

/// The form of message `id` for `count`: `id.one` or `id.other` in the
/// catalogue, the English `one` or `other` otherwise.
pub fn tr_plural(id: &str, count: u64, one: &str, other: &str) -> String {
    let form = Plural::of(lang(), count);
    let english = if form == Plural::One { one } else { other };
    tr(&format!("{id}.{}", form.suffix()), english)
}

/// A country's name in the active language; the code is the id, so the
/// catalogues say `country.KOR`.
pub fn country_name(code: &str, english: &str) -> String {
    tr(&format!("country.{code}"), english)
}

/// Replaces each `{name}` in `template` with its value, in one pass. A
/// `{name:은}` writes only the Korean particle that suits the value's last
/// sound (은 or 는, 이 or 가, 을 or 를, 과 or 와, 으로 or 로), so that a
/// translation reads "{country}{country:으로}" instead of "(으)로".
pub fn fill(template: String, values: &[(&str, &dyn Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let (name, particle) = match after[..close].split_once(':') {
                Some((name, particle)) => (name, Some(particle)),
                None => (&after[..close], None),
            };
            let value = values.iter().find(|(n, _)| *n == name)?.1;
            match particle {
                None => {
                    let _ = write!(out, "{value}");
                }
                Some(particle) => {
                    out.push_str(super::korean::particle(&value.to_string(), particle))
                }
            }
            Some(close)
        });
        match filled {
            Some(close) => rest = &after[close + 1..],
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A piece of a translated message whose values are markup (a link, a
/// figure) rather than text: the text between slots, or a slot's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

/// Splits a message at its `{slots}`, so the view can put a link where the
/// translation puts `{figure}` and keep the sentence whole in the catalogue.
pub fn pieces(message: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(Piece::Slot(&rest[open + 1..open + close]));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// `t!(zoom_in: "Zoom in")`, `t!(months_shown: "{first} to {last}", first = a, last = b)`:
/// a stable id, the English text, and named values.
#[macro_export]
macro_rules! t {
    ($id:ident : $english:literal) => {
        $crate::core::text::i18n::tr(stringify!($id), $english)
    };
    ($id:ident : $english:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::core::text::i18n::fill(
            $crate::core::text::i18n::tr(stringify!($id), $english),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

/// A message that counts: `tn!(destinations: n; one: "{count} destination",
/// other: "{count} destinations")`, `{count}` being `n`; more named values
/// may follow.
#[macro_export]
macro_rules! tn {
    ($id:ident : $count:expr; one: $one:literal, other: $other:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        let count = $count;
        $crate::core::text::i18n::fill(
            $crate::core::text::i18n::tr_plural(stringify!($id), count as u64, $one, $other),
            &[("count", &count as &dyn ::std::fmt::Display) $(, (stringify!($name), &$value as &dyn ::std::fmt::Display))*],
        )
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_preference_picks_the_first_language_we_have() {
        let cases: [(&[&str], Lang); 5] = [
            (&["ko-KR", "en-US"], Lang::Ko),
            (&["fr-FR", "mn-MN"], Lang::Mn),
            (&["de", "fr"], Lang::En),
            (&[], Lang::En),
            (&["en-GB", "ko"], Lang::En),
        ];
        for (tags, lang) in cases {
            assert_eq!(
                Lang::from_preferences(tags.iter().copied()),
                lang,
                "{tags:?}"
            );
        }
    }

    #[test]
    fn korean_and_mongolian_read_months_and_money_their_own_way() {
        use crate::core::data::period::Month;
        use crate::core::data::units::{month_long, month_short, Unit};
        let august = Month::new(2025, 8).unwrap();
        let cases = [
            (
                Lang::En,
                "August 2025",
                "Aug 2025",
                "US$400 million",
                "6,146 t",
            ),
            (Lang::Ko, "2025년 8월", "2025.8", "US$4억", "6,146톤"),
            (
                Lang::Mn,
                "2025 оны 8-р сар",
                "2025.08",
                "US$400 сая",
                "6,146 тн",
            ),
        ];
        for (lang, long, short, money, tonnes) in cases {
            let catalogue = lang
                .catalogue_file()
                .map(|_| match lang {
                    Lang::Ko => include_str!("../../../public/i18n/ko.tsv"),
                    _ => include_str!("../../../public/i18n/mn.tsv"),
                })
                .map(|text| Catalogue::parse(text).unwrap())
                .unwrap_or_default();
            activate(lang, catalogue);
            assert_eq!(month_long(august), long);
            assert_eq!(month_short(august), short);
            assert_eq!(Unit::Usd.format(400_000_000.0), money);
            assert_eq!(Unit::Tonnes.format(6146.0), tonnes);
        }
        activate(Lang::En, Catalogue::default());
    }

    #[test]
    fn placeholders_are_filled_by_name_in_any_order() {
        activate(
            Lang::Ko,
            Catalogue::parse("# test\nof_total\t{total} 중 {count}\n").unwrap(),
        );
        assert_eq!(
            crate::t!(of_total: "{count} of {total}", count = 3, total = 10),
            "10 중 3"
        );
        assert_eq!(
            crate::t!(not_listed: "Not in the catalogue"),
            "Not in the catalogue"
        );
        activate(Lang::En, Catalogue::default());
        assert_eq!(
            crate::t!(of_total: "{count} of {total}", count = 3, total = 10),
            "3 of 10"
        );
    }

    #[test]
    fn a_message_splits_at_its_slots_in_the_translation_s_order() {
        use Piece::*;
        assert_eq!(pieces("Total: {total}"), [Text("Total: "), Slot("total")]);
        assert_eq!(
            pieces("{low} 보고, {high} 주장"),
            [Slot("low"), Text(" 보고, "), Slot("high"), Text(" 주장")]
        );
        assert_eq!(pieces("no slots"), [Text("no slots")]);
    }

    #[test]
    fn a_korean_particle_is_chosen_by_the_value_it_follows() {
        activate(
            Lang::Ko,
            Catalogue::parse("to\t중국에서 {country}{country:으로}\nwith\t{a}{a:과} {b}\n")
                .unwrap(),
        );
        let cases = [
            ("미국", "중국에서 미국으로"),
            ("독일", "중국에서 독일로"),
            ("인도", "중국에서 인도로"),
        ];
        for (country, expected) in cases {
            assert_eq!(
                crate::t!(to: "China to {country}", country = country),
                expected
            );
        }
        assert_eq!(
            crate::t!(with: "{a} and {b}", a = "유럽연합", b = "미국"),
            "유럽연합과 미국"
        );
        assert_eq!(
            crate::t!(with: "{a} and {b}", a = "일본", b = "한국"),
            "일본과 한국"
        );
        assert_eq!(
            crate::t!(with: "{a} and {b}", a = "캐나다", b = "한국"),
            "캐나다와 한국"
        );
        activate(Lang::En, Catalogue::default());
    }

    #[test]
    fn a_count_takes_its_language_s_plural_form() {
        let english = |n: usize| crate::tn!(destinations: n; one: "{count} destination", other: "{count} destinations");
        assert_eq!(english(1), "1 destination");
        assert_eq!(english(0), "0 destinations");
        assert_eq!(english(3), "3 destinations");
        activate(
            Lang::Mn,
            Catalogue::parse(
                "destinations.one\t{count} чиглэл (нэг)\ndestinations.other\t{count} чиглэл\n",
            )
            .unwrap(),
        );
        assert_eq!(english(1), "1 чиглэл (нэг)");
        assert_eq!(english(21), "21 чиглэл");
        activate(
            Lang::Ko,
            Catalogue::parse("destinations.other\t목적지 {count}곳\n").unwrap(),
        );
        assert_eq!(english(1), "목적지 1곳");
        assert_eq!(english(5), "목적지 5곳");
        activate(Lang::En, Catalogue::default());
        let cases = [
            (Lang::En, 1, Plural::One),
            (Lang::En, 2, Plural::Other),
            (Lang::Mn, 1, Plural::One),
            (Lang::Mn, 11, Plural::Other),
            (Lang::Ko, 1, Plural::Other),
        ];
        for (lang, n, form) in cases {
            assert_eq!(Plural::of(lang, n), form, "{lang:?} {n}");
        }
    }

    /// One message the code can show: its catalogue id and English text.
    #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
    pub(crate) struct Message {
        pub id: String,
        pub english: String,
        /// Where it is first used, for reviewers.
        pub place: String,
    }

    /// Reads a Rust string literal starting after its opening quote.
    fn literal(rest: &str) -> String {
        let mut text = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => text.push('\n'),
                    Some(other) => text.push(other),
                    None => break,
                },
                _ => text.push(c),
            }
        }
        text
    }

    /// Every message in the code: `t!(id: "English"…)`, both forms of each
    /// `tn!`, and the names kept in tables (countries, presets, metrics,
    /// the basemap's countries).
    pub(crate) fn messages_in_source() -> Vec<Message> {
        let mut messages = Vec::new();
        let src = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
        let mut stack = vec![src.clone()];
        let mut files = Vec::new();
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                files.push(path);
            }
        }
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let place = path.strip_prefix(&src).unwrap().display().to_string();
            for macro_name in ["t!(", "tn!("] {
                // The macro itself, not the end of `format!(` or `print!(`.
                let starts = text.match_indices(macro_name).filter(|(i, _)| {
                    !text[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                for (i, _) in starts {
                    let piece = &text[i + macro_name.len()..];
                    let Some((id, after)) = piece.split_once(':') else {
                        continue;
                    };
                    let id = id.trim();
                    if id.is_empty()
                        || !id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    {
                        continue;
                    }
                    if macro_name == "t!(" {
                        let Some(rest) = after.trim_start().strip_prefix('"') else {
                            continue;
                        };
                        messages.push(Message {
                            id: id.to_string(),
                            english: literal(rest),
                            place: place.clone(),
                        });
                    } else {
                        for form in ["one", "other"] {
                            let marker = format!("{form}:");
                            let at = after.find(&marker).expect("tn! has one: and other:");
                            let rest = after[at + marker.len()..]
                                .trim_start()
                                .strip_prefix('"')
                                .unwrap();
                            messages.push(Message {
                                id: format!("{id}.{form}"),
                                english: literal(rest),
                                place: place.clone(),
                            });
                        }
                    }
                }
            }
        }
        let table = |id: String, english: &str, place: &str| Message {
            id,
            english: english.to_string(),
            place: place.to_string(),
        };
        messages.extend(crate::core::data::country::COUNTRIES.iter().map(|c| {
            table(
                format!("country.{}", c.code),
                c.name,
                "core/data/country.rs",
            )
        }));
        messages.extend(crate::core::analysis::compare::PRESETS.iter().map(|p| {
            table(
                format!("preset.{}", p.slug),
                p.label,
                "core/analysis/compare.rs",
            )
        }));
        messages.extend(
            crate::core::text::labels::METRICS
                .iter()
                .map(|(code, english)| {
                    table(format!("metric.{code}"), english, "core/text/labels.rs")
                }),
        );
        messages.extend(
            crate::core::data::sources::INSTITUTIONS
                .iter()
                .map(|name| table(format!("publisher.{name}"), name, "core/data/sources.rs")),
        );
        // Named subjects and partners of the shipped data, translated whole.
        let dataset = crate::core::data::dataset::Dataset::embedded().unwrap();
        for field in dataset
            .facts
            .iter()
            .flat_map(|f| [Some(f.subject.as_str()), f.partner.as_deref()])
            .flatten()
        {
            if !crate::core::text::names::is_codes(field) {
                messages.push(table(
                    format!("name.{field}"),
                    field,
                    "public/data/facts.csv",
                ));
            }
        }
        let basemap = include_str!("../../../public/geo/countries.tsv");
        for shape in crate::core::geo::basemap::parse_basemap(basemap)
            .unwrap()
            .countries
        {
            if !messages
                .iter()
                .any(|m| m.id == format!("country.{}", shape.id))
            {
                messages.push(table(
                    format!("country.{}", shape.id),
                    &shape.name,
                    "public/geo/countries.tsv",
                ));
            }
        }
        messages.sort_by(|a, b| a.id.cmp(&b.id));
        messages.dedup_by(|a, b| a.id == b.id);
        messages
    }

    fn placeholders(text: &str) -> Vec<String> {
        let mut names: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|p| {
                p.split_once('}')
                    .map(|(name, _)| name.split(':').next().unwrap().to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }

    #[test]
    fn one_id_has_one_english_text() {
        let mut all = messages_in_source();
        all.sort();
        all.dedup_by(|a, b| a.id == b.id && a.english == b.english);
        let clashes: Vec<_> = all
            .windows(2)
            .filter(|w| w[0].id == w[1].id)
            .map(|w| (&w[0].id, &w[0].english, &w[1].english))
            .collect();
        assert!(clashes.is_empty(), "ids used for two texts: {clashes:#?}");
    }

    #[test]
    fn every_message_is_translated_in_every_catalogue_with_its_placeholders() {
        let messages = messages_in_source();
        assert!(
            messages.len() > 300,
            "found only {} messages",
            messages.len()
        );
        for (lang, file) in [
            (Lang::Ko, include_str!("../../../public/i18n/ko.tsv")),
            (Lang::Mn, include_str!("../../../public/i18n/mn.tsv")),
        ] {
            let catalogue = Catalogue::parse(file).unwrap();
            let listed: Vec<&str> = catalogue.ids().collect();
            let twice: Vec<&&str> = listed
                .windows(2)
                .filter(|w| w[0] == w[1])
                .map(|w| &w[0])
                .collect();
            assert!(
                twice.is_empty(),
                "{lang:?} translates these ids twice: {twice:?}"
            );
            // Korean has one plural form: it translates `.other` only.
            let needed = |m: &&Message| !(lang == Lang::Ko && m.id.ends_with(".one"));
            let missing: Vec<&Message> = messages
                .iter()
                .filter(needed)
                .filter(|m| catalogue.get(&m.id).is_none())
                .collect();
            assert!(
                missing.is_empty(),
                "{lang:?} lacks {} messages: {missing:#?}",
                missing.len()
            );
            for message in messages.iter().filter(needed) {
                let translation = catalogue.get(&message.id).unwrap();
                assert!(
                    !translation.trim().is_empty(),
                    "{lang:?}: empty for {}",
                    message.id
                );
                assert_eq!(
                    placeholders(&message.english),
                    placeholders(translation),
                    "{lang:?}: {}",
                    message.id
                );
            }
            let stale: Vec<&str> = catalogue
                .ids()
                .filter(|id| !messages.iter().any(|m| m.id == *id))
                .collect();
            assert!(
                stale.is_empty(),
                "{lang:?} has ids no code uses: {stale:#?}"
            );
        }
    }

    /// Where a reviewer sees the messages of a source file: the screenshot
    /// the end-to-end suite saves of that view (`target/screenshots/`).
    fn screen_of(place: &str) -> &'static str {
        const SCREENS: [(&str, &str); 16] = [
            ("view/side/korea.rs", "korea"),
            ("core/present/korea.rs", "korea"),
            ("core/present/ties.rs", "country-mng"),
            ("core/present/profile.rs", "country-kor"),
            ("view/side/panels.rs", "country-kor"),
            ("view/analysis/compare.rs", "panel-compare"),
            ("core/analysis/compare.rs", "panel-compare"),
            ("core/analysis/trend.rs", "panel-compare"),
            ("core/analysis/claims.rs", "panel-claims"),
            ("core/analysis/structure.rs", "panel-structure"),
            ("core/analysis/capacity.rs", "panel-capacity"),
            ("core/data/basis.rs", "panel-capacity"),
            ("view/publish/", "share-dialog"),
            ("core/state/share.rs", "share-dialog"),
            ("core/state/url_state.rs", "notices"),
            ("public/data/facts.csv", "panel-facts"),
        ];
        SCREENS
            .iter()
            .find(|(prefix, _)| place.starts_with(prefix))
            .map_or("map", |(_, screen)| screen)
    }

    fn cell(text: Option<&str>) -> String {
        text.unwrap_or("—")
            .replace('|', "\\|")
            .replace('\n', "<br>")
    }

    /// TRANSLATING.md, from the code's messages and the two catalogues.
    fn translating_md() -> String {
        let ko = Catalogue::parse(include_str!("../../../public/i18n/ko.tsv")).unwrap();
        let mn = Catalogue::parse(include_str!("../../../public/i18n/mn.tsv")).unwrap();
        let mut messages = messages_in_source();
        // Grouped by where they appear; the country names are listed last.
        messages.sort_by(|a, b| {
            (a.id.starts_with("country."), &a.place, &a.id).cmp(&(
                b.id.starts_with("country."),
                &b.place,
                &b.id,
            ))
        });
        let mut out = String::from(include_str!("translating-head.md"));
        let mut place = String::new();
        for m in &messages {
            if m.place != place {
                place = m.place.clone();
                out += &format!("\n### `{place}`\n\nSeen in `target/screenshots/{{ko,mn}}/{}.png`.\n\n| id | English | 한국어 | Монгол | reviewed |\n|---|---|---|---|---|\n", screen_of(&place));
            }
            let korean = if m.id.ends_with(".one") {
                Some("(one form: see .other)")
            } else {
                ko.get(&m.id)
            };
            out += &format!(
                "| `{}` | {} | {} | {} | machine-unreviewed |\n",
                m.id,
                cell(Some(&m.english)),
                cell(korean),
                cell(mn.get(&m.id))
            );
        }
        out
    }

    /// TRANSLATING.md lists every message with its context; a stale copy
    /// fails here. `WRITE_TRANSLATING=1 cargo test translating` rewrites it.
    #[test]
    fn translating_md_lists_every_message_as_the_catalogues_have_it() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/TRANSLATING.md");
        let fresh = translating_md();
        if std::env::var_os("WRITE_TRANSLATING").is_some() {
            std::fs::write(path, &fresh).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == fresh,
            "TRANSLATING.md is stale: run WRITE_TRANSLATING=1 cargo test translating"
        );
    }

    #[test]
    fn korean_never_writes_both_forms_of_a_particle() {
        let catalogue = include_str!("../../../public/i18n/ko.tsv");
        for pair in [
            "(으)로", "은(는)", "는(은)", "이(가)", "가(이)", "을(를)", "를(을)", "와(과)",
            "과(와)",
        ] {
            let lines: Vec<&str> = catalogue
                .lines()
                .filter(|l| !l.starts_with('#') && l.contains(pair))
                .collect();
            assert!(
                lines.is_empty(),
                "{pair} in {lines:#?}: use {{name:은}} and the like"
            );
        }
    }
}
