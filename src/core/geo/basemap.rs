//! The country shapes as shipped in `public/geo/countries.tsv`: one line per
//! shape (id, name, SVG path), the sphere's outline first. Split, not parsed:
//! no JSON parser needs to ship in the wasm.

#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// ISO alpha-3, or `X` and a number for the few shapes without a code.
    pub id: String,
    pub name: String,
    pub d: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Basemap {
    pub outline: String,
    pub countries: Vec<Shape>,
}

const OUTLINE_ID: &str = "outline";

pub fn parse_basemap(text: &str) -> Result<Basemap, String> {
    let mut outline = None;
    let mut countries = Vec::new();
    for (index, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(name), Some(d)) = (fields.next(), fields.next(), fields.next()) else {
            return Err(format!(
                "line {}: expected id, name and path separated by tabs",
                index + 1
            ));
        };
        if !d.starts_with('M') {
            return Err(format!("line {}: `{id}` has no SVG path", index + 1));
        }
        if id == OUTLINE_ID {
            outline = Some(d.to_string());
        } else {
            countries.push(Shape {
                id: id.to_string(),
                name: name.to_string(),
                d: d.to_string(),
            });
        }
    }
    let outline = outline.ok_or("no outline line")?;
    Ok(Basemap { outline, countries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_basemap_parses_with_every_story_country() {
        let basemap = parse_basemap(include_str!("../../../public/geo/countries.tsv")).unwrap();
        assert!(basemap.countries.len() > 170);
        for code in ["CHN", "MNG", "KOR", "USA", "DEU", "FRA", "JPN"] {
            assert!(basemap.countries.iter().any(|s| s.id == code), "{code}");
        }
        assert!(basemap.outline.starts_with('M'));
    }

    #[test]
    fn malformed_lines_are_named() {
        assert_eq!(
            parse_basemap("outline\t\tM0 0z\nCHN China").unwrap_err(),
            "line 2: expected id, name and path separated by tabs"
        );
        assert_eq!(
            parse_basemap("CHN\tChina\tnot a path").unwrap_err(),
            "line 1: `CHN` has no SVG path"
        );
        assert_eq!(
            parse_basemap("CHN\tChina\tM0 0z").unwrap_err(),
            "no outline line"
        );
        assert!(
            parse_basemap("<!DOCTYPE html>").is_err(),
            "an HTML error page is not a basemap"
        );
    }
}
