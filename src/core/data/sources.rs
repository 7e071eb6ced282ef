//! Who stands behind a figure: the grade of each page (SOURCES.md §3, §7.5)
//! and the original publisher a copy repeats. The table is data
//! (`public/data/sources.csv`, one row per `source_publisher` of the facts
//! file), so a newsroom grading a page it adds edits a file, not the code.

use crate::core::data::csv_text::records;

/// The project's table of publishers, compiled in.
pub const SOURCES_CSV: &str = include_str!("../../../public/data/sources.csv");

/// Reliability, best first; derives `Ord` so that `A < B < C < D`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    /// Official or primary publication.
    A,
    /// Wire-service text, read through a syndication or mirror copy.
    B,
    /// Specialist trade or analyst press.
    C,
    /// Aggregator, blog, machine translation or undated page.
    D,
}

impl Grade {
    fn parse(text: &str) -> Option<Grade> {
        Some(match text {
            "A" => Grade::A,
            "B" => Grade::B,
            "C" => Grade::C,
            "D" => Grade::D,
            _ => return None,
        })
    }

    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
        }
    }
}

/// How the page relates to the figure it states.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The publisher states its own figure (customs, USGS, a company, an
    /// analyst's own data), or a wire agency's text is read in a copy.
    PrimaryOrWire,
    /// The page reports what another publisher said.
    Secondary,
}

/// Wire agencies: a copy of their text counts as the wire, not as a
/// re-report (SOURCES.md §3 grades the mirrors B for that reason).
const WIRES: [&str; 8] = [
    "Reuters",
    "Bloomberg",
    "South China Morning Post",
    "Kyodo News",
    "AFP",
    "TASS",
    "Central News Agency (CNA)",
    "Reuters / Nikkei",
];

/// Publishers that are institutions, named in the reader's language
/// (`publisher.<name>` in the catalogues). Publications keep their own
/// names, as a newspaper's masthead is not translated.
pub const INSTITUTIONS: [&str; 7] = [
    "China customs (GACC)",
    "International Energy Agency",
    "Korea Customs Service",
    "MOFCOM",
    "MOTIE (Korea's trade ministry)",
    "Ministry of Foreign Affairs, Republic of Korea",
    "U.S. Geological Survey (USGS)",
];

/// A publisher's name as the reader reads it.
pub fn publisher_name(original: &str) -> String {
    if INSTITUTIONS.contains(&original) {
        crate::core::text::i18n::tr(&format!("publisher.{original}"), original)
    } else {
        original.to_string()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    pub grade: Option<Grade>,
    /// The publisher the figure comes from ("Reuters", "China customs (GACC)").
    pub original: String,
    /// The page that was read, when it is a copy ("Kitco"); empty otherwise.
    pub copy: String,
}

impl Provenance {
    /// A publisher the table does not know (a newsroom's own row): no
    /// grade, and the publisher as its own original.
    pub fn ungraded(publisher: &str) -> Provenance {
        Provenance {
            grade: None,
            original: publisher.to_string(),
            copy: String::new(),
        }
    }

    pub fn kind(&self) -> Kind {
        if self.copy.is_empty() || WIRES.contains(&self.original.as_str()) {
            Kind::PrimaryOrWire
        } else {
            Kind::Secondary
        }
    }
}

/// The table, read once per dataset.
pub struct SourcesTable {
    rows: Vec<(String, Provenance)>,
}

impl SourcesTable {
    pub fn embedded() -> SourcesTable {
        SourcesTable::parse(SOURCES_CSV)
    }

    /// Rows whose grade is not A–D are skipped: such a publisher is then
    /// shown ungraded, never with a guessed grade.
    pub fn parse(text: &str) -> SourcesTable {
        let rows = records(text)
            .skip(1)
            .filter_map(|(_, fields)| {
                let [publisher, grade, original, copy] = <[String; 4]>::try_from(fields).ok()?;
                let grade = Grade::parse(grade.trim())?;
                Some((
                    publisher,
                    Provenance {
                        grade: Some(grade),
                        original,
                        copy,
                    },
                ))
            })
            .collect();
        SourcesTable { rows }
    }

    pub fn provenance(&self, publisher: &str) -> Provenance {
        self.rows
            .iter()
            .find(|(p, _)| p == publisher)
            .map_or_else(|| Provenance::ungraded(publisher), |(_, p)| p.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_publisher_of_the_facts_file_is_graded() {
        let table = SourcesTable::embedded();
        let facts = include_str!("../../../public/data/facts.csv");
        for (line, fields) in records(facts).skip(1) {
            let publisher = &fields[8];
            assert!(
                table.provenance(publisher).grade.is_some(),
                "line {line}: `{publisher}` has no grade"
            );
        }
    }

    #[test]
    fn grades_follow_sources_md() {
        let table = SourcesTable::embedded();
        let cases = [
            (
                "U.S. Geological Survey (USGS)",
                Grade::A,
                "U.S. Geological Survey (USGS)",
                "",
            ),
            ("Reuters (via Kitco)", Grade::B, "Reuters", "Kitco"),
            (
                "Korea Customs Service 관세청 (press release via Newswire 뉴스와이어)",
                Grade::A,
                "Korea Customs Service 관세청",
                "Newswire 뉴스와이어",
            ),
            ("Metalnomist", Grade::C, "Metalnomist", ""),
            ("Asia City News", Grade::D, "Asia City News", ""),
            (
                "Lapaas Voice (blog summarising Reuters)",
                Grade::D,
                "Reuters",
                "Lapaas Voice (blog)",
            ),
        ];
        for (publisher, grade, original, copy) in cases {
            let p = table.provenance(publisher);
            assert_eq!(
                (p.grade, p.original.as_str(), p.copy.as_str()),
                (Some(grade), original, copy),
                "{publisher}"
            );
        }
    }

    #[test]
    fn copies_of_a_wire_rank_with_the_wire_and_re_reports_below_it() {
        let table = SourcesTable::embedded();
        let kind = |p: &str| table.provenance(p).kind();
        assert_eq!(kind("Reuters (via Kitco)"), Kind::PrimaryOrWire);
        assert_eq!(kind("Metalnomist"), Kind::PrimaryOrWire);
        assert_eq!(kind("YTN (citing GACC)"), Kind::Secondary);
        assert_eq!(kind("livedoor News (TBS NEWS DIG)"), Kind::Secondary);
    }

    #[test]
    fn an_unknown_publisher_is_shown_ungraded_as_its_own_original() {
        let table = SourcesTable::parse("publisher,grade,original,copy\nX,Z,Y,\n");
        assert_eq!(table.provenance("X"), Provenance::ungraded("X"));
        assert_eq!(table.provenance("Desk").original, "Desk");
    }
}
