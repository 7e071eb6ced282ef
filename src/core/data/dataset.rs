//! The sourced dataset: every record keeps its source and verbatim excerpt,
//! and loading rejects a record that would put a wrong number on screen.

use std::fmt;

use crate::core::data::country;
use crate::core::data::period::Period;
use crate::core::data::units::Unit;

/// The project's facts, copied from the shared research file.
pub const FACTS_CSV: &str = include_str!("../../../public/data/facts.csv");
/// The seed article's own numeric statements, quoted verbatim, kept apart
/// from the facts so that they are checked against the data, never summed.
pub const ARTICLE_CLAIMS_CSV: &str = include_str!("../../../public/data/article-claims.csv");

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    /// As precise as the page shows it (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or empty.
    pub date: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub id: String,
    pub metric: String,
    pub subject: String,
    /// Destination of an export, or source country of an import share.
    pub partner: Option<String>,
    pub period: Period,
    pub period_text: String,
    pub value: f64,
    /// Digits after the decimal point as the source printed the value: the
    /// precision at which a computed figure is compared with it.
    pub decimals: u32,
    pub unit: Unit,
    pub source: Source,
    pub excerpt: String,
}

#[derive(Debug, PartialEq)]
pub struct LoadError {
    /// Line in the CSV file, counting the header as line 1.
    pub line: u64,
    pub record: String,
    pub field: &'static str,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let record = if self.record.is_empty() {
            "?"
        } else {
            &self.record
        };
        f.write_str(&crate::t!(
            "record `{record}` (line {line}), field `{field}`: {reason}",
            record = record,
            line = self.line,
            field = self.field,
            reason = self.reason
        ))
    }
}

impl std::error::Error for LoadError {}

impl Fact {
    /// The source's date, or "undated" where the page gives none.
    pub fn source_date(&self) -> &str {
        if self.source.date.is_empty() {
            "undated"
        } else {
            &self.source.date
        }
    }

    /// A percentage change as the source printed it: "+21%", "−4.8%".
    pub fn stated_change(&self) -> String {
        let sign = if self.value > 0.0 { "+" } else { "" };
        let number = crate::core::data::units::decimal(self.value, self.decimals)
            .replacen('-', "\u{2212}", 1);
        format!("{sign}{number}%")
    }

    /// The language of the excerpt, told from its script, so that a screen
    /// reader pronounces it as written: most sources are English, a few are
    /// Korean or Japanese pages quoted verbatim.
    pub fn excerpt_lang(&self) -> &'static str {
        script_language(&self.excerpt)
    }

    /// "Reuters, 2025-09-20: “…590 tons…”": what a figure's link shows on
    /// hover, the same everywhere.
    pub fn source_hint(&self) -> String {
        format!(
            "{}, {}: “{}”",
            self.source.publisher,
            self.source_date(),
            self.excerpt
        )
    }
}

/// A BCP 47 tag for the script a text is written in: kana means Japanese
/// (Japanese pages mix kana with kanji), Hangul Korean, other Han Chinese,
/// Cyrillic with Mongolian letters Mongolian; anything else English, the
/// language of every other source in the file.
pub fn script_language(text: &str) -> &'static str {
    let has = |range: std::ops::RangeInclusive<char>| text.chars().any(|c| range.contains(&c));
    if has('\u{3040}'..='\u{30FF}') {
        "ja"
    } else if has('\u{AC00}'..='\u{D7AF}') {
        "ko"
    } else if has('\u{4E00}'..='\u{9FFF}') {
        "zh"
    } else if text.contains(['ө', 'ү', 'Ө', 'Ү']) {
        "mn"
    } else if has('\u{0400}'..='\u{04FF}') {
        "ru"
    } else {
        "en"
    }
}

/// One CSV record, by field name.
struct Row {
    id: String,
    metric: String,
    subject: String,
    partner: String,
    period: String,
    value: String,
    unit: String,
    source_title: String,
    source_publisher: String,
    source_date: String,
    source_url: String,
    excerpt: String,
}

#[derive(Debug)]
pub struct Dataset {
    pub facts: Vec<Fact>,
    pub claims: Vec<Fact>,
    /// The facts file as read, offered for download as it is.
    pub facts_csv: String,
}

impl Dataset {
    pub fn parse(facts_csv: &str, claims_csv: &str) -> Result<Dataset, LoadError> {
        Ok(Dataset {
            facts: parse_facts(facts_csv)?,
            claims: parse_facts(claims_csv)?,
            facts_csv: facts_csv.to_string(),
        })
    }

    /// The dataset compiled into the app. Its validity is a unit test, so
    /// this cannot fail in a build that passed the tests.
    pub fn embedded() -> Result<Dataset, LoadError> {
        Dataset::parse(FACTS_CSV, ARTICLE_CLAIMS_CSV)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// The newest publication date among the facts ("data as of …").
    /// Dates are ISO prefixes, so the greatest string is the latest.
    pub fn latest_source_date(&self) -> Option<&str> {
        self.facts
            .iter()
            .map(|f| f.source.date.as_str())
            .filter(|d| !d.is_empty())
            .max()
    }
}

/// The columns every dataset file must have, in this order.
const COLUMNS: [&str; 12] = [
    "id",
    "metric",
    "subject",
    "partner",
    "period",
    "value",
    "unit",
    "source_title",
    "source_publisher",
    "source_date",
    "source_url",
    "excerpt",
];

pub fn parse_facts(csv_text: &str) -> Result<Vec<Fact>, LoadError> {
    let mut records = crate::core::data::csv_text::records(csv_text);
    let header_error = |reason: String| LoadError {
        line: 1,
        record: String::new(),
        field: "header",
        reason,
    };
    let (_, headers) = records
        .next()
        .ok_or_else(|| header_error(crate::t!("the file is empty")))?;
    // Columns are read by position, so their order is part of the format.
    for (index, name) in COLUMNS.iter().enumerate() {
        if headers.get(index).map(String::as_str) != Some(name) {
            return Err(header_error(crate::t!(
                "column {index} must be `{name}`",
                index = index + 1,
                name = name
            )));
        }
    }
    let mut facts = Vec::new();
    for (line, fields) in records {
        let Ok(fields) = <[String; 12]>::try_from(fields) else {
            return Err(LoadError {
                line,
                record: String::new(),
                field: "row",
                reason: crate::t!(
                    "must have the {count} columns of the header",
                    count = COLUMNS.len()
                ),
            });
        };
        let [id, metric, subject, partner, period, value, unit, source_title, source_publisher, source_date, source_url, excerpt] =
            fields;
        let row = Row {
            id,
            metric,
            subject,
            partner,
            period,
            value,
            unit,
            source_title,
            source_publisher,
            source_date,
            source_url,
            excerpt,
        };
        let fact = validate(row, line)?;
        // A linear scan: a few hundred records, and no hasher in the wasm.
        if facts.iter().any(|f: &Fact| f.id == fact.id) {
            return Err(LoadError {
                line,
                record: fact.id,
                field: "id",
                reason: crate::t!("duplicate id"),
            });
        }
        facts.push(fact);
    }
    Ok(facts)
}

fn validate(row: Row, line: u64) -> Result<Fact, LoadError> {
    let fail = |field: &'static str, reason: String| LoadError {
        line,
        record: row.id.clone(),
        field,
        reason,
    };
    if row.id.trim().is_empty() || row.id.contains(char::is_whitespace) {
        return Err(fail(
            "id",
            crate::t!("must be a non-empty slug without spaces"),
        ));
    }
    if row.metric.trim().is_empty() {
        return Err(fail("metric", crate::t!("is empty")));
    }
    check_code_field(&row.subject).map_err(|reason| fail("subject", reason))?;
    check_code_field(&row.partner).map_err(|reason| fail("partner", reason))?;
    let period = Period::parse(&row.period).map_err(|reason| fail("period", reason))?;
    let unit = Unit::parse(&row.unit)
        .ok_or_else(|| fail("unit", crate::t!("unknown unit `{unit}`", unit = row.unit)))?;
    let value = parse_decimal(row.value.trim()).ok_or_else(|| {
        fail(
            "value",
            crate::t!("`{value}` is not a plain decimal number", value = row.value),
        )
    })?;
    if matches!(unit, Unit::Tonnes | Unit::TonnesPerYear) && value < 0.0 {
        return Err(fail(
            "value",
            crate::t!("negative tonnage {value}", value = row.value.trim()),
        ));
    }
    if !(row.source_url.starts_with("https://") || row.source_url.starts_with("http://")) {
        return Err(fail(
            "source_url",
            crate::t!("`{url}` is not a web address", url = row.source_url),
        ));
    }
    if row.excerpt.trim().is_empty() {
        return Err(fail(
            "excerpt",
            crate::t!("is empty: every number needs its quote"),
        ));
    }
    Ok(Fact {
        partner: (!row.partner.is_empty()).then(|| row.partner.clone()),
        period,
        period_text: row.period,
        value,
        decimals: row
            .value
            .trim()
            .split_once('.')
            .map_or(0, |(_, f)| f.len() as u32),
        unit,
        source: Source {
            title: row.source_title,
            publisher: row.source_publisher,
            date: row.source_date,
            url: row.source_url,
        },
        excerpt: row.excerpt,
        id: row.id,
        metric: row.metric,
        subject: row.subject,
    })
}

/// Reads a plain decimal such as `420.5`, `-11.8` or `400000000`: the only
/// form SOURCES.md allows. Integer digits divided by a power of ten give the
/// same correctly rounded f64 as `str::parse`, without the float-parsing
/// tables that cost about 15 KB of gzipped wasm.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || whole.len() + fraction.len() > 15
        || unsigned.ends_with('.')
    {
        return None;
    }
    let mantissa = format!("{whole}{fraction}").parse::<u64>().ok()? as f64;
    let value = mantissa / 10f64.powi(fraction.len() as i32);
    Some(if negative { -value } else { value })
}

/// A code-like field (`KOR`, `CHN+MYS+AUS`) must use codes we know, so that a
/// typo cannot create a phantom destination. Named plants and companies
/// (anything with lower case or spaces) pass as free text.
fn check_code_field(field: &str) -> Result<(), String> {
    let looks_like_code = !field.is_empty()
        && field
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'+');
    if looks_like_code && !country::is_known_code(field) {
        return Err(crate::t!("unknown country code `{code}`", code = field));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "id,metric,subject,partner,period,value,unit,source_title,source_publisher,source_date,source_url,excerpt\n";

    fn one_row(row: &str) -> Result<Vec<Fact>, LoadError> {
        parse_facts(&format!("{HEADER}{row}\n"))
    }

    #[test]
    fn the_embedded_dataset_loads_whole() {
        let dataset = Dataset::embedded().expect("embedded dataset is valid");
        assert_eq!(dataset.facts.len(), 261);
        assert!(dataset.claims.len() >= 10);
    }

    #[test]
    fn the_data_is_as_of_its_newest_source() {
        assert_eq!(
            Dataset::embedded().unwrap().latest_source_date(),
            Some("2026-04-20")
        );
    }

    #[test]
    fn every_embedded_record_is_traceable() {
        let dataset = Dataset::embedded().unwrap();
        for fact in dataset.facts.iter().chain(&dataset.claims) {
            assert!(
                !fact.source.publisher.is_empty(),
                "{} has no publisher",
                fact.id
            );
            assert!(!fact.source.title.is_empty(), "{} has no title", fact.id);
            assert!(fact.source.url.starts_with("http"), "{}", fact.id);
            assert!(fact.excerpt.len() > 10, "{} has no real excerpt", fact.id);
        }
    }

    #[test]
    fn claims_quote_the_seed_article_verbatim() {
        let article = include_str!("../../../tests/fixtures/seed-article.txt");
        for claim in Dataset::embedded().unwrap().claims {
            assert!(
                article.contains(&claim.excerpt),
                "{}: excerpt not in the article",
                claim.id
            );
        }
    }

    #[test]
    fn excerpts_are_tagged_with_the_language_they_are_written_in() {
        let cases = [
            ("590 tons to the United States", "en"),
            (
                "한국은 지난해 기준 중국산 희토류 수입 의존도가 79.8%로",
                "ko",
            ),
            ("Khalzan Buregdei鉱床:1,511.6千トン", "ja"),
            ("中国稀土出口", "zh"),
            ("Монгол улсын газрын ховор элементийн нөөц", "mn"),
            ("редкоземельные металлы", "ru"),
        ];
        for (text, lang) in cases {
            assert_eq!(script_language(text), lang, "{text}");
        }
        let dataset = Dataset::embedded().unwrap();
        let korean = dataset.fact("reimpshare-kor-chn-2024").unwrap();
        assert_eq!(korean.excerpt_lang(), "ko");
        let tagged = dataset
            .facts
            .iter()
            .filter(|f| f.excerpt_lang() != "en")
            .count();
        assert!(
            (5..20).contains(&tagged),
            "{tagged} excerpts not in English"
        );
    }

    #[test]
    fn a_valid_row_keeps_source_and_excerpt() {
        let facts = one_row("x-1,magnet_exports,CHN,USA,2025-08,590,t,T,Reuters,2025-09-20,https://example.org/a,\"590 tons, down\"").unwrap();
        let fact = &facts[0];
        assert_eq!(fact.partner.as_deref(), Some("USA"));
        assert_eq!(fact.value, 590.0);
        assert_eq!(fact.source.publisher, "Reuters");
        assert_eq!(fact.excerpt, "590 tons, down");
    }

    #[test]
    fn bad_records_are_named_with_field_and_reason() {
        let cases = [
            (
                "a,magnet_exports,CHN,USA,2025-08,-5,t,T,P,,https://e.org,q",
                "a",
                "value",
                "negative",
            ),
            (
                "b,magnet_exports,CHN,XYZ,2025-08,5,t,T,P,,https://e.org,q",
                "b",
                "partner",
                "XYZ",
            ),
            (
                "c,magnet_exports,CHN,USA,2025-14,5,t,T,P,,https://e.org,q",
                "c",
                "period",
                "2025-14",
            ),
            (
                "d,magnet_exports,CHN,USA,2025-08,five,t,T,P,,https://e.org,q",
                "d",
                "value",
                "five",
            ),
            (
                "e,magnet_exports,CHN,USA,2025-08,5,kg,T,P,,https://e.org,q",
                "e",
                "unit",
                "kg",
            ),
            (
                "f,magnet_exports,CHN,USA,2025-08,5,t,T,P,,nowhere,q",
                "f",
                "source_url",
                "nowhere",
            ),
            (
                "g,magnet_exports,CHN,USA,2025-08,5,t,T,P,,https://e.org,",
                "g",
                "excerpt",
                "quote",
            ),
            (
                "h,magnet_exports,CHINA,USA,2025-08,5,t,T,P,,https://e.org,q",
                "h",
                "subject",
                "CHINA",
            ),
        ];
        for (row, record, field, reason) in cases {
            let error = one_row(row).unwrap_err();
            assert_eq!(
                (error.record.as_str(), error.field, error.line),
                (record, field, 2),
                "{row}"
            );
            assert!(error.reason.contains(reason), "{row}: {}", error.reason);
            assert!(error.to_string().contains(record));
        }
    }

    #[test]
    fn decimals_parse_exactly_as_the_standard_library_would() {
        for text in [
            "6146",
            "420.5",
            "-4.7",
            "7742.2",
            "0.04",
            "24266.5",
            "48355.7",
            "400000000",
            "2.86",
            "0",
        ] {
            assert_eq!(
                parse_decimal(text),
                Some(text.parse::<f64>().unwrap()),
                "{text}"
            );
        }
        for text in [
            "",
            "-",
            "1.",
            ".5",
            "1e3",
            "1,000",
            "NaN",
            "inf",
            "4.2.1",
            "--3",
            "1234567890123456",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn duplicate_ids_are_rejected_at_the_second_line() {
        let row = "dup,magnet_exports,CHN,,2025-08,5,t,T,P,,https://e.org,q";
        let error = parse_facts(&format!("{HEADER}{row}\n{row}\n")).unwrap_err();
        assert_eq!(
            (error.record.as_str(), error.field, error.line),
            ("dup", "id", 3)
        );
    }

    #[test]
    fn a_file_without_a_required_column_is_rejected_by_name() {
        let error = parse_facts("id,metric\nx,y\n").unwrap_err();
        assert_eq!((error.field, error.line), ("header", 1));
        assert!(error.reason.contains("`subject`"), "{}", error.reason);
    }

    #[test]
    fn a_row_with_missing_columns_is_an_error_not_a_panic() {
        let error = one_row("short,row").unwrap_err();
        assert_eq!(error.field, "row");
    }
}
