//! The sourced dataset: every record keeps its source and verbatim excerpt,
//! and loading rejects a record that would put a wrong number on screen.

use std::fmt;

use crate::core::data::country;
use crate::core::data::period::{Month, Period};
use crate::core::data::sources::{Grade, Provenance, SourcesTable};
use crate::core::data::units::Unit;

/// The project's facts, copied from the shared research file: the file as
/// it is served, excerpts included. The app is built with
/// [`BUILT_IN_FACTS`] instead; tests read this one.
pub const FACTS_CSV: &str = include_str!("../../../public/data/facts.csv");
/// The same file without its excerpts, as `build.rs` writes it: what the
/// app embeds (see `excerpts`).
pub const BUILT_IN_FACTS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/facts-without-excerpts.csv"));
/// The full file's size and last bytes, to tell a served copy from it.
const BUILT_FILE_LEN: usize = include!(concat!(env!("OUT_DIR"), "/facts-len.rs"));
const BUILT_FILE_TAIL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/facts-tail.bin"));
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
    /// Grade and original publisher, from the sources table.
    pub provenance: Provenance,
}

impl Source {
    /// "Reuters via Kitco": the original publisher first, then the copy
    /// that was read.
    pub fn cited(&self) -> String {
        let p = &self.provenance;
        let original = crate::core::data::sources::publisher_name(&p.original);
        if p.copy.is_empty() {
            original
        } else {
            crate::t!(original_via_copy:
                "{original} via {copy}",
                original = original,
                copy = p.copy
            )
        }
    }

    /// "Reuters via Kitco, 2025-08-20 (grade B)": the original publisher
    /// first, the copy read second, the date and the grade.
    pub fn citation(&self) -> String {
        let date = if self.date.is_empty() {
            crate::t!(undated: "undated")
        } else {
            self.date.clone()
        };
        crate::t!(citation: "{source}, {date} ({grade})", source = self.cited(), date = date, grade = self.grade_label())
    }

    /// "grade B", or "ungraded" for a publisher the table does not know.
    pub fn grade_label(&self) -> String {
        match self.provenance.grade {
            Some(grade) => crate::t!(grade: "grade {grade}", grade = grade.letter()),
            None => crate::t!(ungraded: "ungraded"),
        }
    }
}

/// Where a fact stands among the figures that sources give for its key
/// (metric, subject, partner, period).
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// The only figure for its key.
    Sole,
    /// Chosen among figures that disagree, by the rule in [`rank`]; the
    /// others are shown beside it and never counted.
    Preferred {
        others: Vec<AlsoReported>,
        reason: Preference,
    },
    /// Another page's figure for a key whose preferred figure is `preferred`.
    Alternative { preferred: String },
}

/// Why one figure of a key is used rather than another.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Preference {
    HigherGrade,
    PrimaryOverSecondary,
    EarlierPublication,
    FirstInFile,
}

impl Preference {
    pub fn text(self) -> String {
        match self {
            Preference::HigherGrade => {
                crate::t!(used_higher_graded_source: "used: the higher-graded source")
            }
            Preference::PrimaryOverSecondary => {
                crate::t!(used_primary_wire_source_over: "used: the primary or wire source over a re-report")
            }
            Preference::EarlierPublication => {
                crate::t!(used_earlier_publication: "used: the earlier publication")
            }
            Preference::FirstInFile => {
                crate::t!(used_sources_equal_standing_first: "used: sources of equal standing, the first listed")
            }
        }
    }
}

/// A disagreeing figure, as shown beside the one in use.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoReported {
    pub fact_id: String,
    pub value: f64,
    pub unit: Unit,
    /// Its page: cited when shown, so the words are in the reader's
    /// language (the data is read before the catalogue arrives).
    pub source: Source,
}

impl AlsoReported {
    /// "also reported: 6,356 t, YTN citing customs".
    pub fn text(&self) -> String {
        crate::t!(also_reported:
            "also reported: {figure}, {source}",
            figure = self.unit.format(self.value),
            source = self.source.citation()
        )
    }
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
    /// The source's words, verbatim; `None` in the copy built into the app,
    /// which reads them from the served file when a reader asks for them
    /// (see `excerpts`).
    pub excerpt: Option<String>,
    /// The excerpt's language, told from its script once when the file is
    /// read (see [`script_language`]), so that a screen reader pronounces
    /// it as written: most sources are English, a few are Korean or
    /// Japanese pages quoted verbatim. Without the excerpt, the title's.
    pub excerpt_lang: &'static str,
    pub standing: Standing,
    /// Another page states the same value for the same key.
    pub corroborated: bool,
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
        f.write_str(&crate::t!(record_line_field:
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
    pub fn source_date(&self) -> String {
        if self.source.date.is_empty() {
            crate::t!(undated: "undated")
        } else {
            self.source.date.clone()
        }
    }

    /// A percentage change as the source printed it: "+21%", "−4.8%".
    pub fn stated_change(&self) -> String {
        let sign = if self.value > 0.0 { "+" } else { "" };
        let number = crate::core::data::units::decimal(self.value, self.decimals)
            .replacen('-', "\u{2212}", 1);
        format!("{sign}{number}%")
    }

    /// "Reuters via Kitco, 2025-09-20 (grade B): “…590 tons…”": what a
    /// figure's link shows on hover, the same everywhere; the citation
    /// alone until the excerpt is read.
    pub fn source_hint(&self) -> String {
        match &self.excerpt {
            Some(excerpt) => format!("{}: “{}”", self.citation(), excerpt),
            None => self.citation(),
        }
    }

    /// "Reuters via Kitco, 2025-08-20 (grade B)", as [`Source::citation`].
    pub fn citation(&self) -> String {
        self.source.citation()
    }

    /// Counted in sums and drawn: the only or the preferred figure of its key.
    pub fn is_in_use(&self) -> bool {
        !matches!(self.standing, Standing::Alternative { .. })
    }

    /// Figures that other pages give for the same key.
    pub fn also_reported(&self) -> &[AlsoReported] {
        match &self.standing {
            Standing::Preferred { others, .. } => others,
            _ => &[],
        }
    }

    /// Why this figure is used rather than the others ("used: the
    /// higher-graded source"); empty when no other page disagrees.
    pub fn preference_text(&self) -> String {
        match &self.standing {
            Standing::Preferred { reason, .. } => reason.text(),
            _ => String::new(),
        }
    }

    /// A D-grade figure that no other page confirms: shown, but flagged.
    pub fn is_unconfirmed_low_grade(&self) -> bool {
        self.source.provenance.grade == Some(Grade::D) && !self.corroborated
    }
}

/// A BCP 47 tag for the script a text is written in: kana means Japanese
/// (Japanese pages mix kana with kanji), Hangul Korean, other Han Chinese,
/// Cyrillic with Mongolian letters Mongolian; anything else English, the
/// language of every other source in the file.
pub fn script_language(text: &str) -> &'static str {
    // One pass over the characters: the excerpts are most of the file, and
    // this runs once per row while the app starts.
    let mut seen = Scripts::default();
    for c in text.chars() {
        match c {
            '\u{3040}'..='\u{30FF}' => seen.kana = true,
            '\u{AC00}'..='\u{D7AF}' => seen.hangul = true,
            '\u{4E00}'..='\u{9FFF}' => seen.han = true,
            'ө' | 'ү' | 'Ө' | 'Ү' => seen.mongolian = true,
            '\u{0400}'..='\u{04FF}' => seen.cyrillic = true,
            'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => seen.umlaut = true,
            _ => {}
        }
    }
    if seen.kana {
        "ja"
    } else if seen.hangul {
        "ko"
    } else if seen.han {
        "zh"
    } else if seen.mongolian {
        "mn"
    } else if seen.cyrillic {
        "ru"
    } else if seen.umlaut || has_german_word(text) {
        "de"
    } else {
        "en"
    }
}

/// The scripts (and German letters) found in a text.
#[derive(Default)]
struct Scripts {
    kana: bool,
    hangul: bool,
    han: bool,
    mongolian: bool,
    cyrillic: bool,
    umlaut: bool,
}

/// German pages (rohstoff.net, Tradium) are quoted verbatim too: besides
/// their letters, the word for tonnes or a common short word gives them away.
fn has_german_word(text: &str) -> bool {
    // A search per word, not a split of every excerpt into words: most
    // excerpts are English and contain none of them.
    let letter_at = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    ["Tonnen", "und", "der", "die", "mit"].iter().any(|word| {
        text.match_indices(word).any(|(at, _)| {
            !letter_at(text[..at].chars().next_back())
                && !letter_at(text[at + word.len()..].chars().next())
        })
    })
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

/// The facts file a dataset was read from.
#[derive(Clone, Debug, PartialEq)]
pub enum FactsFile {
    /// Read whole at run time (a served file): offered for download as it is.
    Whole(String),
    /// The copy built into the app, without its excerpts ([`BUILT_IN_FACTS`]).
    BuiltIn,
}

impl FactsFile {
    /// The file's text, when the dataset holds all of it.
    pub fn whole(&self) -> Option<&str> {
        match self {
            FactsFile::Whole(text) => Some(text),
            FactsFile::BuiltIn => None,
        }
    }

    /// The size and the last [`TAIL_BYTES`](crate::core::data::excerpts::TAIL_BYTES)
    /// bytes of the full file, to compare a served file's end with.
    pub fn size_and_tail(&self) -> (usize, &[u8]) {
        match self {
            FactsFile::Whole(text) => {
                let bytes = text.as_bytes();
                let tail = bytes
                    .len()
                    .saturating_sub(crate::core::data::excerpts::TAIL_BYTES);
                (bytes.len(), &bytes[tail..])
            }
            FactsFile::BuiltIn => (BUILT_FILE_LEN, BUILT_FILE_TAIL),
        }
    }
}

#[derive(Debug)]
pub struct Dataset {
    pub facts: Vec<Fact>,
    pub claims: Vec<Fact>,
    pub facts_file: FactsFile,
    /// The timeline's events, in date order, each citing a fact.
    pub events: Vec<crate::core::data::events::Event>,
    /// The events file as read, to tell a served copy from this one.
    pub events_csv: String,
}

impl Dataset {
    pub fn parse(
        facts_csv: &str,
        claims_csv: &str,
        events_csv: &str,
    ) -> Result<Dataset, LoadError> {
        Dataset::with_facts(
            parse_facts(facts_csv)?,
            FactsFile::Whole(facts_csv.to_string()),
            claims_csv,
            events_csv,
        )
    }

    /// The dataset whose facts file has been read into `facts` already
    /// (by a [`FactsReader`]).
    fn with_facts(
        facts: Vec<Fact>,
        facts_file: FactsFile,
        claims_csv: &str,
        events_csv: &str,
    ) -> Result<Dataset, LoadError> {
        Ok(Dataset {
            events: crate::core::data::events::parse_events(events_csv, &facts)?,
            claims: parse_facts(claims_csv)?,
            facts,
            facts_file,
            events_csv: events_csv.to_string(),
        })
    }

    /// The dataset compiled into the app, without excerpts. Its validity is
    /// a unit test, so this cannot fail in a build that passed the tests.
    pub fn embedded() -> Result<Dataset, LoadError> {
        let mut reader = FactsReader::built_in()?;
        reader.read(usize::MAX)?;
        Dataset::embedded_with(reader.finish()?)
    }

    /// The dataset compiled into the app, its facts read a slice at a time
    /// (by [`FactsReader::built_in`]) into `facts` already.
    pub fn embedded_with(facts: Vec<Fact>) -> Result<Dataset, LoadError> {
        Dataset::with_facts(
            facts,
            FactsFile::BuiltIn,
            ARTICLE_CLAIMS_CSV,
            crate::core::data::events::EVENTS_CSV,
        )
    }

    /// The same facts with their excerpts: the file as it is served.
    /// For tests, which check what a reader sees once a source is opened.
    #[cfg(test)]
    pub fn embedded_with_excerpts() -> Dataset {
        Dataset::parse(
            FACTS_CSV,
            ARTICLE_CLAIMS_CSV,
            crate::core::data::events::EVENTS_CSV,
        )
        .unwrap()
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// The facts that count: one per key, the preferred one where sources
    /// disagree. Every sum, change and drawing reads these; the others are
    /// shown beside them (and in the data table), never counted.
    pub fn figures(&self) -> impl Iterator<Item = &Fact> + '_ {
        self.facts.iter().filter(|f| f.is_in_use())
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
    let mut reader = FactsReader::new(csv_text)?;
    while !reader.read(usize::MAX)? {}
    reader.finish()
}

/// A facts file read a number of rows at a time, so that a caller on a busy
/// thread (the browser's, at start-up) can let other work run in between.
/// [`parse_facts`] reads it in one go.
pub struct FactsReader<'a> {
    records: crate::core::data::csv_text::Records<'a>,
    sources: SourcesTable,
    facts: Vec<(u64, Fact)>,
    excerpts: Excerpts,
}

/// Whether a file must quote every figure's source.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Excerpts {
    /// A file a person wrote: a record without its quote is refused.
    Required,
    /// The copy built into the app, whose excerpt column the build emptied.
    LeftOut,
}

impl FactsReader<'static> {
    /// The copy built into the app, whose excerpt column the build emptied.
    pub fn built_in() -> Result<FactsReader<'static>, LoadError> {
        Ok(FactsReader {
            excerpts: Excerpts::LeftOut,
            ..FactsReader::new(BUILT_IN_FACTS)?
        })
    }
}

impl<'a> FactsReader<'a> {
    /// Checks the header.
    pub fn new(csv_text: &'a str) -> Result<FactsReader<'a>, LoadError> {
        let mut records = crate::core::data::csv_text::records(csv_text);
        let header_error = |reason: String| LoadError {
            line: 1,
            record: String::new(),
            field: "header",
            reason,
        };
        let (_, headers) = records
            .next()
            .ok_or_else(|| header_error(crate::t!(file_empty: "the file is empty")))?;
        // Columns are read by position, so their order is part of the format.
        for (index, name) in COLUMNS.iter().enumerate() {
            if headers.get(index).map(String::as_str) != Some(name) {
                return Err(header_error(crate::t!(column_must:
                    "column {index} must be `{name}`",
                    index = index + 1,
                    name = name
                )));
            }
        }
        Ok(FactsReader {
            records,
            sources: SourcesTable::embedded(),
            facts: Vec::new(),
            excerpts: Excerpts::Required,
        })
    }

    /// Reads up to `rows` more rows; `true` once the file is read.
    pub fn read(&mut self, rows: usize) -> Result<bool, LoadError> {
        for _ in 0..rows {
            let Some((line, fields)) = self.records.next() else {
                return Ok(true);
            };
            let fact = read_row(line, fields, &self.sources, self.excerpts)?;
            // A linear scan: a few hundred records, and no hasher in the wasm.
            if self.facts.iter().any(|(_, f)| f.id == fact.id) {
                return Err(LoadError {
                    line,
                    record: fact.id,
                    field: "id",
                    reason: crate::t!(duplicate_id: "duplicate id"),
                });
            }
            self.facts.push((line, fact));
        }
        Ok(false)
    }

    /// Settles the figures that sources give for the same key, and checks
    /// that no month's destinations exceed its total.
    pub fn finish(mut self) -> Result<Vec<Fact>, LoadError> {
        settle_conflicts(&mut self.facts)?;
        check_totals(&self.facts)?;
        Ok(self.facts.into_iter().map(|(_, fact)| fact).collect())
    }
}

fn read_row(
    line: u64,
    fields: Vec<String>,
    sources: &SourcesTable,
    excerpts: Excerpts,
) -> Result<Fact, LoadError> {
    let fields = match <[String; 12]>::try_from(fields) {
        Ok(fields) => fields,
        Err(fields) => {
            return Err(LoadError {
                line,
                // Named by its first field where it has one, always by line.
                record: fields.first().cloned().unwrap_or_default(),
                field: "row",
                reason: crate::t!(must_have_columns_header:
                    "must have the {count} columns of the header",
                    count = COLUMNS.len()
                ),
            });
        }
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
    validate(row, line, sources, excerpts)
}

fn validate(
    row: Row,
    line: u64,
    sources: &SourcesTable,
    excerpts: Excerpts,
) -> Result<Fact, LoadError> {
    let fail = |field: &'static str, reason: String| LoadError {
        line,
        record: row.id.clone(),
        field,
        reason,
    };
    if row.id.trim().is_empty() || row.id.contains(char::is_whitespace) {
        return Err(fail(
            "id",
            crate::t!(must_non_empty_slug_without: "must be a non-empty slug without spaces"),
        ));
    }
    if row.metric.trim().is_empty() {
        return Err(fail("metric", crate::t!(empty: "is empty")));
    }
    check_code_field(&row.subject).map_err(|reason| fail("subject", reason))?;
    check_code_field(&row.partner).map_err(|reason| fail("partner", reason))?;
    let period = Period::parse(&row.period).map_err(|reason| fail("period", reason))?;
    let unit = Unit::parse(&row.unit).ok_or_else(|| {
        fail(
            "unit",
            crate::t!(unknown_unit: "unknown unit `{unit}`", unit = row.unit),
        )
    })?;
    let value = parse_decimal(row.value.trim()).ok_or_else(|| {
        fail(
            "value",
            crate::t!(not_plain_decimal_number: "`{value}` is not a plain decimal number", value = row.value),
        )
    })?;
    if matches!(unit, Unit::Tonnes | Unit::TonnesPerYear) && value < 0.0 {
        return Err(fail(
            "value",
            crate::t!(negative_tonnage: "negative tonnage {value}", value = row.value.trim()),
        ));
    }
    let decimals = row
        .value
        .trim()
        .split_once('.')
        .map_or(0, |(_, f)| f.len() as u32);
    if decimals > 3 {
        return Err(fail(
            "value",
            crate::t!(has_more_than_three_decimals:
                "`{value}` has more than three decimals",
                value = row.value.trim()
            ),
        ));
    }
    if !is_publication_date(&row.source_date) {
        return Err(fail(
            "source_date",
            crate::t!(not_date_yyyy_yyyy_mm:
                "`{date}` is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                date = row.source_date
            ),
        ));
    }
    // A trade figure is counted after its period: a page cannot report a
    // month that begins after it was published (a spreadsheet that turned
    // 2025-09 into 2099-01 would grow the timeline to 900 empty months).
    if is_trade_record(&row.metric) {
        if let (Some(starts), Ok(Some(published))) = (
            period.first_month(),
            Period::parse(&row.source_date).map(|p| p.last_month()),
        ) {
            if starts > published {
                return Err(fail(
                    "period",
                    crate::t!(begins_after_source_was_published:
                        "`{period}` begins after its source was published ({date})",
                        period = row.period,
                        date = row.source_date
                    ),
                ));
            }
        }
    }
    if !(row.source_url.starts_with("https://") || row.source_url.starts_with("http://")) {
        return Err(fail(
            "source_url",
            crate::t!(not_web_address: "`{url}` is not a web address", url = row.source_url),
        ));
    }
    if excerpts == Excerpts::Required && row.excerpt.trim().is_empty() {
        return Err(fail(
            "excerpt",
            crate::t!(empty_every_number_needs_quote: "is empty: every number needs its quote"),
        ));
    }
    let excerpt_lang = script_language(match excerpts {
        Excerpts::Required => &row.excerpt,
        Excerpts::LeftOut => &row.source_title,
    });
    Ok(Fact {
        partner: (!row.partner.is_empty()).then(|| row.partner.clone()),
        period,
        period_text: row.period,
        value,
        decimals,
        unit,
        source: Source {
            title: row.source_title,
            provenance: sources.provenance(&row.source_publisher),
            publisher: row.source_publisher,
            date: row.source_date,
            url: row.source_url,
        },
        excerpt_lang,
        excerpt: (excerpts == Excerpts::Required).then_some(row.excerpt),
        id: row.id,
        metric: row.metric,
        subject: row.subject,
        standing: Standing::Sole,
        corroborated: false,
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day, or empty
/// (the page shows no date).
fn is_publication_date(text: &str) -> bool {
    if text.is_empty() {
        return true;
    }
    matches!(
        Period::parse(text),
        Ok(Period::Year(_) | Period::Month(_) | Period::Day { .. })
    )
}

/// The key under which two facts state the same figure.
fn same_key(a: &Fact, b: &Fact) -> bool {
    a.metric == b.metric
        && a.subject == b.subject
        && a.partner == b.partner
        && a.period_text == b.period_text
}

/// The order in which figures of one key are preferred, smallest first:
/// the higher grade (an ungraded page last), then the primary or wire
/// source over a re-report, then the earlier publication (an undated page
/// last). A stable sort keeps file order among equals.
fn rank(
    fact: &Fact,
) -> (
    bool,
    Option<Grade>,
    crate::core::data::sources::Kind,
    bool,
    String,
) {
    let p = &fact.source.provenance;
    (
        p.grade.is_none(),
        p.grade,
        p.kind(),
        fact.source.date.is_empty(),
        fact.source.date.clone(),
    )
}

/// What decided between the preferred figure and the runner-up.
fn preference(best: &Fact, next: &Fact) -> Preference {
    let (b, n) = (&best.source.provenance, &next.source.provenance);
    if b.grade != n.grade {
        Preference::HigherGrade
    } else if b.kind() != n.kind() {
        Preference::PrimaryOverSecondary
    } else if best.source.date != next.source.date {
        Preference::EarlierPublication
    } else {
        Preference::FirstInFile
    }
}

/// Settles every key that more than one row states. A second page's figure
/// is kept and shown beside the preferred one; a second row from the same
/// page is a duplicate, refused at its line.
fn settle_conflicts(rows: &mut [(u64, Fact)]) -> Result<(), LoadError> {
    let mut settled = vec![false; rows.len()];
    for first in 0..rows.len() {
        if settled[first] {
            continue;
        }
        let group: Vec<usize> = (first..rows.len())
            .filter(|&j| same_key(&rows[first].1, &rows[j].1))
            .collect();
        for &j in &group {
            settled[j] = true;
        }
        if group.len() == 1 {
            continue;
        }
        for (n, &j) in group.iter().enumerate() {
            if let Some(&earlier) = group[..n]
                .iter()
                .find(|&&i| rows[i].1.source.url == rows[j].1.source.url)
            {
                let (line, fact) = &rows[j];
                return Err(LoadError {
                    line: *line,
                    record: fact.id.clone(),
                    field: "id",
                    reason: crate::t!(second_figure_same_key_same:
                        "a second figure for the same key from the same page as `{first}`",
                        first = rows[earlier].1.id
                    ),
                });
            }
        }
        let mut order = group.clone();
        crate::core::data::order::sort_by_key(&mut order, |&i| rank(&rows[i].1));
        let best = order[0];
        let reason = preference(&rows[best].1, &rows[order[1]].1);
        let others: Vec<AlsoReported> = order[1..]
            .iter()
            .map(|&i| {
                let f = &rows[i].1;
                AlsoReported {
                    fact_id: f.id.clone(),
                    value: f.value,
                    unit: f.unit,
                    source: f.source.clone(),
                }
            })
            .collect();
        for &i in &group {
            let value = rows[i].1.value;
            rows[i].1.corroborated = group.iter().any(|&j| j != i && rows[j].1.value == value);
            if i != best {
                rows[i].1.standing = Standing::Alternative {
                    preferred: rows[best].1.id.clone(),
                };
            }
        }
        rows[best].1.standing = Standing::Preferred { others, reason };
    }
    Ok(())
}

/// The export series whose months are split by destination: in none may
/// the destinations add up to more than the month's total.
const ITEMISED_SERIES: [&str; 3] = ["magnet_exports", "re_exports", "re_products_exports"];

/// Refuses a file in which a month's destinations exceed its total (which
/// would show a negative "not itemised" remainder), naming the largest
/// destination row of that month. Germany inside a stated EU figure counts
/// once, as part of the EU.
fn check_totals(rows: &[(u64, Fact)]) -> Result<(), LoadError> {
    let in_use = || rows.iter().filter(|(_, f)| f.is_in_use());
    for (_, total) in in_use().filter(|(_, f)| {
        ITEMISED_SERIES.contains(&f.metric.as_str())
            && f.partner.is_none()
            && f.period.as_month().is_some()
    }) {
        let month: Option<Month> = total.period.as_month();
        let parts: Vec<&(u64, Fact)> = in_use()
            .filter(|(_, f)| {
                f.metric == total.metric
                    && f.subject == total.subject
                    && f.partner.is_some()
                    && f.period.as_month() == month
            })
            .collect();
        let eu_stated = parts
            .iter()
            .any(|(_, f)| f.partner.as_deref() == Some(country::EU27));
        let itemised: f64 = parts
            .iter()
            .filter(|(_, f)| {
                !(eu_stated && f.partner.as_deref().is_some_and(country::is_eu_member))
            })
            .map(|(_, f)| f.value)
            .sum();
        if itemised > total.value {
            let (line, largest) = parts
                .iter()
                .max_by(|a, b| a.1.value.total_cmp(&b.1.value))
                .expect("a sum above a total has parts");
            return Err(LoadError {
                line: *line,
                record: largest.id.clone(),
                field: "value",
                reason: crate::t!(destinations_add_up_more_than:
                    "destinations add up to {itemised}, more than the month's total {total} (`{id}`)",
                    itemised = crate::core::data::units::group_thousands(itemised),
                    total = crate::core::data::units::group_thousands(total.value),
                    id = total.id
                ),
            });
        }
    }
    Ok(())
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
/// Customs and trade records, whose period is a past month or year.
fn is_trade_record(metric: &str) -> bool {
    [
        "magnet_exports",
        "magnet_imports",
        "re_exports",
        "re_imports",
        "re_products_exports",
    ]
    .iter()
    .any(|m| metric.starts_with(m))
}

fn check_code_field(field: &str) -> Result<(), String> {
    let looks_like_code = !field.is_empty()
        && field
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'+');
    if looks_like_code && !country::is_known_code(field) {
        return Err(crate::t!(unknown_country_code: "unknown country code `{code}`", code = field));
    }
    // `kor` would be a place with no shape and no name: a phantom
    // destination that shrinks the remainder and draws no arc.
    let upper = field.to_ascii_uppercase();
    if !looks_like_code && upper != field && country::is_known_code(&upper) {
        return Err(crate::t!(must_written_capitals:
            "`{code}` must be written in capitals (`{upper}`)",
            code = field,
            upper = upper
        ));
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
        assert_eq!(dataset.facts.len(), 604);
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
        let dataset = Dataset::embedded_with_excerpts();
        for fact in dataset.facts.iter().chain(&dataset.claims) {
            assert!(
                !fact.source.publisher.is_empty(),
                "{} has no publisher",
                fact.id
            );
            assert!(!fact.source.title.is_empty(), "{} has no title", fact.id);
            assert!(fact.source.url.starts_with("http"), "{}", fact.id);
            let excerpt = fact.excerpt.as_deref().unwrap_or_default();
            assert!(excerpt.len() > 10, "{} has no real excerpt", fact.id);
        }
    }

    #[test]
    fn the_built_in_copy_is_the_served_file_without_its_excerpts() {
        let (built_in, served) = (
            Dataset::embedded().unwrap(),
            Dataset::embedded_with_excerpts(),
        );
        assert_eq!(built_in.facts.len(), served.facts.len());
        for (lean, full) in built_in.facts.iter().zip(&served.facts) {
            assert_eq!(lean.excerpt, None, "{}", lean.id);
            assert!(full.excerpt.is_some(), "{}", full.id);
            let quoted = Fact {
                excerpt: full.excerpt.clone(),
                excerpt_lang: full.excerpt_lang,
                ..lean.clone()
            };
            assert_eq!(&quoted, full, "only the quote differs");
        }
        // The seed article's claims are small and always quoted.
        assert!(built_in.claims.iter().all(|c| c.excerpt.is_some()));
        assert_eq!(built_in.facts_file, FactsFile::BuiltIn);
        let (size, tail) = built_in.facts_file.size_and_tail();
        assert_eq!(size, FACTS_CSV.len());
        assert!(
            FACTS_CSV.as_bytes().ends_with(tail)
                && tail.len() == crate::core::data::excerpts::TAIL_BYTES
        );
    }

    #[test]
    fn without_its_excerpt_a_source_is_cited_and_its_title_gives_the_language() {
        let built_in = Dataset::embedded().unwrap();
        let served = Dataset::embedded_with_excerpts();
        let id = "mag-chn-usa-2025-08";
        let (lean, full) = (built_in.fact(id).unwrap(), served.fact(id).unwrap());
        assert_eq!(lean.source_hint(), lean.citation());
        assert!(full
            .source_hint()
            .starts_with(&format!("{}: “", full.citation())));
        // A Korean page's title is Korean before its excerpt is read.
        let korean = built_in
            .facts
            .iter()
            .find(|f| {
                f.source
                    .title
                    .chars()
                    .any(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c))
            })
            .expect("a Korean page");
        assert_eq!(korean.excerpt_lang, "ko");
    }

    #[test]
    fn claims_quote_the_seed_article_verbatim() {
        let article = include_str!("../../../tests/fixtures/seed-article.txt");
        for claim in Dataset::embedded().unwrap().claims {
            assert!(
                article.contains(claim.excerpt.as_deref().unwrap()),
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
            (
                "Nach Vietnam gingen 509 Tonnen, nach Japan 280 Tonnen.",
                "de",
            ),
            ("Deutschland war mit 1.288 Tonnen der größte Abnehmer", "de"),
            ("the United States took 590 tons, down", "en"),
        ];
        for (text, lang) in cases {
            assert_eq!(script_language(text), lang, "{text}");
        }
        let dataset = Dataset::embedded().unwrap();
        let korean = dataset.fact("reimpshare-kor-chn-2024").unwrap();
        assert_eq!(korean.excerpt_lang, "ko");
        let german = dataset.fact("mag-chn-vnm-2025-12").unwrap();
        assert_eq!(german.excerpt_lang, "de");
        let english = dataset.fact("mag-chn-2025-08").unwrap();
        assert_eq!(english.excerpt_lang, "en");
    }

    #[test]
    fn a_valid_row_keeps_source_and_excerpt() {
        let facts = one_row("x-1,magnet_exports,CHN,USA,2025-08,590,t,T,Reuters,2025-09-20,https://example.org/a,\"590 tons, down\"").unwrap();
        let fact = &facts[0];
        assert_eq!(fact.partner.as_deref(), Some("USA"));
        assert_eq!(fact.value, 590.0);
        assert_eq!(fact.source.publisher, "Reuters");
        assert_eq!(fact.excerpt.as_deref(), Some("590 tons, down"));
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
            // Issue 13: a lower-case code was a phantom destination.
            (
                "i,magnet_exports,CHN,kor,2025-08,5,t,T,P,,https://e.org,q",
                "i",
                "partner",
                "`KOR`",
            ),
            // A spreadsheet's 2099-01 for a customs month published in 2025.
            (
                "j,magnet_exports,CHN,USA,2099-01,5,t,T,P,2025-09-20,https://e.org,q",
                "j",
                "period",
                "after its source was published",
            ),
            // A row with a column too few is named by its first field.
            (
                "k,magnet_exports,CHN,USA,2025-08,5,t,T,P,https://e.org,q",
                "k",
                "row",
                "12 columns",
            ),
            (
                "l,magnet_exports,CHN,USA,2025-08,5,t,T,P,2025-09-20,https://e.org,q,extra",
                "l",
                "row",
                "12 columns",
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
    fn random_edits_of_the_file_are_refused_by_line_or_keep_every_figure_sound() {
        use crate::core::analysis::series::{Series, SeriesView};
        use crate::core::seeded::Seeded;
        let records: Vec<(u64, Vec<String>)> =
            crate::core::data::csv_text::records(FACTS_CSV).collect();
        let write = |rows: &[Vec<String>]| {
            crate::core::data::csv_text::write(
                rows.iter().map(|r| r.iter().map(String::as_str).collect()),
            )
        };
        let newest = |facts: &[Fact]| facts.iter().map(|f| f.source.date.clone()).max();
        let mut random = Seeded::new(604);
        let (mut refused, mut accepted) = (0, 0);
        for case in 0..150 {
            let mut rows: Vec<Vec<String>> = records.iter().map(|(_, r)| r.clone()).collect();
            let at = 1 + random.below(rows.len() - 1);
            let edit = random.below(6);
            match edit {
                0 => {
                    rows.remove(at);
                }
                1 => {
                    let copy = rows[at].clone();
                    rows.insert(at, copy);
                }
                2 => {
                    let other = 1 + random.below(rows.len() - 1);
                    let field = random.below(12);
                    let value = rows[other][field].clone();
                    rows[at][field] = value;
                }
                3 => {
                    let field = random.below(12);
                    let cut = rows[at][field].chars().count() / 2;
                    rows[at][field] = rows[at][field].chars().take(cut).collect();
                }
                4 => rows[at][3] = rows[at][3].to_lowercase(),
                _ => {
                    // A spreadsheet's day-first date.
                    let date = &rows[at][9];
                    if let [y, m, d] = date.split('-').collect::<Vec<_>>()[..] {
                        rows[at][9] = format!("{d}/{m}/{y}");
                    }
                }
            }
            let text = write(&rows);
            match parse_facts(&text) {
                Err(error) => {
                    refused += 1;
                    let lines = text.lines().count() as u64;
                    assert!(
                        (1..=lines).contains(&error.line),
                        "case {case}: line {} of {lines}",
                        error.line
                    );
                    assert!(!error.to_string().is_empty());
                }
                Ok(facts) => {
                    accepted += 1;
                    let dataset = Dataset {
                        facts,
                        claims: Vec::new(),
                        facts_file: FactsFile::Whole(text.clone()),
                        events: Vec::new(),
                        events_csv: String::new(),
                    };
                    let last = newest(&dataset.facts).unwrap_or_default();
                    for series in Series::ALL {
                        let view = SeriesView::new(&dataset, series);
                        let Some((first, end)) = view.month_span() else {
                            continue;
                        };
                        assert!(end.to_string() <= last, "case {case}: {end} after {last}");
                        for month in crate::core::data::period::Month::range(first, end) {
                            let flows = view.month_flows(month);
                            assert!(
                                flows.not_itemised().is_none_or(|rest| rest > -1e-9),
                                "case {case} (edit {edit} at row {at}): negative remainder in {month}"
                            );
                            // Every figure drawn is a row of the edited file.
                            for flow in &flows.flows {
                                assert!(rows.iter().any(|r| r[0] == flow.fact.id), "case {case}");
                            }
                        }
                    }
                }
            }
        }
        assert!(
            refused > 20 && accepted > 20,
            "{refused} refused, {accepted} accepted"
        );
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
    fn a_file_read_a_few_rows_at_a_time_gives_what_one_read_gives() {
        let whole = parse_facts(FACTS_CSV).unwrap();
        let mut reader = FactsReader::new(FACTS_CSV).unwrap();
        let mut slices = 0;
        while !reader.read(100).unwrap() {
            slices += 1;
        }
        assert_eq!(
            slices,
            whole.len() / 100,
            "{} rows, 100 a slice",
            whole.len()
        );
        assert_eq!(reader.finish().unwrap(), whole);
        // A bad row is found in the slice that holds it.
        let row = "x,magnet_exports,CHN,,2025-08,5,t,T,P,,https://e.org,q";
        let bad = "y,magnet_exports,CHN,,2025-09,five,t,T,P,,https://e.org,q";
        let file = format!("{HEADER}{row}\n{bad}\n");
        let mut reader = FactsReader::new(&file).unwrap();
        assert_eq!(reader.read(1), Ok(false));
        assert_eq!(reader.read(1).unwrap_err().line, 3);
    }

    #[test]
    fn duplicate_ids_are_rejected_at_the_second_line() {
        let row = "dup,magnet_exports,CHN,,2025-08,5,t,T,P,,https://e.org,q";
        let error = parse_facts(&format!("{HEADER}{row}\n{row}\n")).unwrap_err();
        assert_eq!(
            (error.record.as_str(), error.field, error.line),
            ("dup", "id", 3)
        );
        // Of two repeated ids, the one repeated first in the file is named.
        let rows = ["b", "a", "b", "a"]
            .map(|id| row.replacen("dup", id, 1))
            .join("\n");
        let error = parse_facts(&format!("{HEADER}{rows}\n")).unwrap_err();
        assert_eq!((error.record.as_str(), error.line), ("b", 4));
    }

    #[test]
    fn a_file_without_a_required_column_is_rejected_by_name() {
        let error = parse_facts("id,metric\nx,y\n").unwrap_err();
        assert_eq!((error.field, error.line), ("header", 1));
        assert!(error.reason.contains("`subject`"), "{}", error.reason);
    }

    #[test]
    fn every_key_two_pages_disagree_on_shows_the_other_figure_and_counts_one() {
        let dataset = Dataset::embedded().unwrap();
        // Keys grouped by the test's own reading of the file.
        let mut keys: Vec<(Vec<String>, Vec<String>)> = Vec::new();
        for (_, fields) in crate::core::data::csv_text::records(FACTS_CSV).skip(1) {
            let key = fields[1..5].to_vec();
            match keys.iter_mut().find(|(k, _)| *k == key) {
                Some((_, ids)) => ids.push(fields[0].clone()),
                None => keys.push((key, vec![fields[0].clone()])),
            }
        }
        let contested: Vec<&Vec<String>> = keys
            .iter()
            .map(|(_, ids)| ids)
            .filter(|ids| ids.len() > 1)
            .collect();
        assert_eq!(contested.len(), 26, "SOURCES.md §7.4: twenty-six keys");
        for ids in contested {
            let facts: Vec<&Fact> = ids.iter().map(|id| dataset.fact(id).unwrap()).collect();
            let in_use: Vec<&&Fact> = facts.iter().filter(|f| f.is_in_use()).collect();
            assert_eq!(in_use.len(), 1, "{ids:?}: exactly one figure counts");
            let shown: Vec<&str> = in_use[0]
                .also_reported()
                .iter()
                .map(|a| a.fact_id.as_str())
                .collect();
            let others: Vec<&str> = ids
                .iter()
                .map(String::as_str)
                .filter(|id| *id != in_use[0].id)
                .collect();
            assert_eq!(
                shown, others,
                "{ids:?}: every other figure is shown beside it"
            );
        }
    }

    #[test]
    fn the_preferred_figure_is_the_higher_grade_then_primary_then_earlier() {
        let dataset = Dataset::embedded().unwrap();
        let used = |a: &str, b: &str| {
            let (fa, fb) = (dataset.fact(a).unwrap(), dataset.fact(b).unwrap());
            assert!(fa.is_in_use() != fb.is_in_use(), "{a} / {b}");
            if fa.is_in_use() {
                a.to_string()
            } else {
                b.to_string()
            }
        };
        let cases = [
            // Kyodo (B) over Trading Economics (C): grade first.
            (
                "mag-chn-2025-06",
                "mag-chn-2025-06-kyodo",
                "mag-chn-2025-06-kyodo",
                Preference::HigherGrade,
            ),
            // Korea Customs Service (A) over Yonhap citing KOMIS (B).
            (
                "reimpshare-kor-chn-2011-komis",
                "reimpshare-kor-chn-2011",
                "reimpshare-kor-chn-2011",
                Preference::HigherGrade,
            ),
            // Both B: Reuters' text over TBS citing customs.
            (
                "mag-chn-jpn-2025-11",
                "mag-chn-jpn-2025-11-tbs",
                "mag-chn-jpn-2025-11",
                Preference::PrimaryOverSecondary,
            ),
            // Both Bloomberg copies (B): the earlier publication.
            (
                "reprod-chn-2025-08",
                "reprod-chn-2025-08-newsaz",
                "reprod-chn-2025-08",
                Preference::EarlierPublication,
            ),
            // Both C, both the publisher's own: Adamas (dated) over an undated page.
            (
                "mag-chn-2024",
                "mag-chn-2024-rohstoff",
                "mag-chn-2024",
                Preference::PrimaryOverSecondary,
            ),
        ];
        for (a, b, expected, reason) in cases {
            assert_eq!(used(a, b), expected);
            let Standing::Preferred { reason: got, .. } = &dataset.fact(expected).unwrap().standing
            else {
                panic!("{expected} is not preferred");
            };
            assert_eq!(*got, reason, "{expected}");
        }
    }

    #[test]
    fn rows_of_equal_standing_keep_file_order_and_ungraded_pages_come_last() {
        let row = |id: &str, publisher: &str, date: &str, value: &str, url: &str| {
            format!("{id},magnet_exports,CHN,USA,2025-08,{value},t,T,{publisher},{date},https://e.org/{url},q\n")
        };
        let file = |rows: &[String]| parse_facts(&format!("{HEADER}{}", rows.concat())).unwrap();
        let in_use = |facts: &[Fact]| facts.iter().find(|f| f.is_in_use()).unwrap().id.clone();
        let graded = "Reuters (via Kitco)";
        // A newsroom's own page (ungraded) never outranks a graded one.
        let facts = file(&[
            row("desk", "Our desk", "2025-09-01", "600", "a"),
            row("wire", graded, "2025-09-20", "590", "b"),
        ]);
        assert_eq!(in_use(&facts), "wire");
        // Same publisher, same date: the first listed.
        let facts = file(&[
            row("one", graded, "2025-09-20", "590", "a"),
            row("two", graded, "2025-09-20", "591", "b"),
        ]);
        assert_eq!(in_use(&facts), "one");
        let Standing::Preferred { reason, others } = &facts[0].standing else {
            panic!()
        };
        assert_eq!((*reason, others[0].value), (Preference::FirstInFile, 591.0));
        // A dated page before an undated one.
        let facts = file(&[
            row("undated", graded, "", "590", "a"),
            row("dated", graded, "2025-10", "591", "b"),
        ]);
        assert_eq!(in_use(&facts), "dated");
    }

    #[test]
    fn a_second_row_for_a_key_from_the_same_page_is_refused_at_its_line() {
        let first = "usa-aug,magnet_exports,CHN,USA,2025-08,590,t,T,P,2025-09-20,https://e.org/a,q";
        let second =
            "usa-aug-2,magnet_exports,CHN,USA,2025-08,595,t,T,P,2025-09-20,https://e.org/a,q";
        let error = parse_facts(&format!("{HEADER}{first}\n{second}\n")).unwrap_err();
        assert_eq!(
            (error.record.as_str(), error.field, error.line),
            ("usa-aug-2", "id", 3)
        );
        assert!(error.reason.contains("usa-aug"), "{}", error.reason);
    }

    #[test]
    fn destinations_above_the_month_total_cannot_be_loaded() {
        let total = "tot,magnet_exports,CHN,,2025-08,6146,t,T,P,,https://e.org/a,q";
        let eu = "eu,magnet_exports,CHN,EU27,2025-08,2582,t,T,P,,https://e.org/b,q";
        let germany = "deu,magnet_exports,CHN,DEU,2025-08,1346,t,T,P,,https://e.org/c,q";
        // Germany inside the EU counts once: 2,582 + 3,500 = 6,082 is fine.
        let fits = "usa,magnet_exports,CHN,USA,2025-08,3500,t,T,P,,https://e.org/d,q";
        assert!(parse_facts(&format!("{HEADER}{total}\n{eu}\n{germany}\n{fits}\n")).is_ok());
        let oversized = "usa,magnet_exports,CHN,USA,2025-08,91000,t,T,P,,https://e.org/d,q";
        let error = parse_facts(&format!("{HEADER}{total}\n{eu}\n{oversized}\n")).unwrap_err();
        assert_eq!(
            (error.record.as_str(), error.field, error.line),
            ("usa", "value", 4)
        );
        assert!(
            error.reason.contains("93,582") && error.reason.contains("6,146"),
            "{}",
            error.reason
        );
    }

    #[test]
    fn four_decimals_and_impossible_dates_are_refused() {
        let cases = [
            (
                "a,magnet_exports,CHN,USA,2025-08,590.1234,t,T,P,,https://e.org,q",
                "value",
            ),
            (
                "b,magnet_exports,CHN,USA,2025-08,590,t,T,P,2025-13-01,https://e.org,q",
                "source_date",
            ),
            (
                "c,magnet_exports,CHN,USA,2025-08,590,t,T,P,20 Sep 2025,https://e.org,q",
                "source_date",
            ),
            (
                "d,magnet_exports,CHN,USA,2025-08,590,t,T,P,,javascript:alert(1),q",
                "source_url",
            ),
        ];
        for (row, field) in cases {
            assert_eq!(one_row(row).unwrap_err().field, field, "{row}");
        }
        assert!(one_row(
            "e,magnet_exports,CHN,USA,2025-08,420.125,t,T,P,2025-09-20,https://e.org,q"
        )
        .is_ok());
        // Spreadsheet dates, day first or month first, are not dates here.
        for date in ["20/09/2025", "09/20/2025", "2025/09/20"] {
            let row = format!("f,magnet_exports,CHN,USA,2025-08,5,t,T,P,{date},https://e.org,q");
            assert_eq!(one_row(&row).unwrap_err().field, "source_date", "{date}");
        }
        // A plan may lie ahead of its page; a customs month may not.
        assert!(one_row(
            "g,capacity_planned,Plant (USA),,2028,10000,t/yr,T,P,2025-07,https://e.org,q"
        )
        .is_ok());
        assert!(
            one_row("h,magnet_exports,CHN,USA,2025-08,5,t,T,P,2025-08-20,https://e.org,q").is_ok()
        );
    }

    #[test]
    fn a_d_grade_figure_alone_is_flagged_and_sources_are_cited_original_first() {
        let dataset = Dataset::embedded().unwrap();
        // India, July 2025: IBNews alone (SOURCES.md §7.5).
        let india = dataset.fact("mag-chn-ind-2025-07").unwrap();
        assert!(india.is_unconfirmed_low_grade());
        let august = dataset.fact("mag-chn-2025-08").unwrap();
        assert!(!august.is_unconfirmed_low_grade());
        assert_eq!(
            august.citation(),
            "Reuters via Economic Times / newszop, 2025-09-20 (grade B)"
        );
    }

    #[test]
    fn a_row_with_missing_columns_is_an_error_not_a_panic() {
        let error = one_row("short,row").unwrap_err();
        assert_eq!(error.field, "row");
    }
}
