//! Links and embed code for the share dialog. The snippet is the one the
//! README gives publishers, so the two can never drift apart (a test reads
//! the README).

use crate::core::state::url_state::{to_query, ViewState};

/// A sensible first height before the page's own message resizes the frame.
pub const DEFAULT_EMBED_HEIGHT: u32 = 640;

/// The iframe's accessible name, in the language of the page that made the
/// snippet (an embed made in Korean is Korean), quoted for an attribute.
pub fn frame_title() -> String {
    crate::t!(frame_title: "Rare-Earth Flows: China's rare-earth exports, by destination")
        .replace('"', "&quot;")
}

/// `page` is the explorer's address without query or fragment.
pub fn link(page: &str, state: &ViewState) -> String {
    format!(
        "{page}{}",
        to_query(&ViewState {
            embed: false,
            ..state.clone()
        })
    )
}

/// The embedded view: the same state in embed mode. Following the latest
/// data leaves the month out, so the frame moves on when the data does.
pub fn embed_address(page: &str, state: &ViewState, follow_latest: bool) -> String {
    let embedded = ViewState {
        embed: true,
        month: if follow_latest { None } else { state.month },
        ..state.clone()
    };
    format!("{page}{}", to_query(&embedded))
}

/// The iframe and the script that sizes it from the height messages.
pub fn embed_snippet(address: &str) -> String {
    let title = frame_title();
    format!(
        r#"<iframe src="{address}"
  title="{title}"
  style="width: 100%; border: 0" height="{DEFAULT_EMBED_HEIGHT}" loading="lazy"></iframe>
<script>
  addEventListener("message", (event) => {{
    if (event.data?.type !== "rare-earth-flows:height") return;
    for (const frame of document.querySelectorAll("iframe")) {{
      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";
    }}
  }});
</script>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::Series;
    use crate::core::data::country::CountryCode;
    use crate::core::data::period::Month;
    use crate::core::state::url_state::parse;

    const PAGE: &str = "https://example.org/rare-earth-flows/";

    fn august_view() -> ViewState {
        ViewState {
            series: Series::Magnets,
            month: Month::new(2025, 8),
            country: CountryCode::parse("KOR"),
            ..ViewState::default()
        }
    }

    #[test]
    fn links_and_embeds_carry_the_view() {
        let cases = [
            (
                false,
                "https://example.org/rare-earth-flows/?month=2025-08&country=KOR&embed=1",
            ),
            (
                true,
                "https://example.org/rare-earth-flows/?country=KOR&embed=1",
            ),
        ];
        for (follow_latest, expected) in cases {
            assert_eq!(embed_address(PAGE, &august_view(), follow_latest), expected);
        }
        assert_eq!(
            link(
                PAGE,
                &ViewState {
                    embed: true,
                    ..august_view()
                }
            ),
            "https://example.org/rare-earth-flows/?month=2025-08&country=KOR"
        );
        assert_eq!(link(PAGE, &ViewState::default()), PAGE);
    }

    #[test]
    fn an_embed_address_reads_back_as_the_same_view() {
        let address = embed_address(PAGE, &august_view(), false);
        let query = address.strip_prefix(PAGE).unwrap();
        let (state, notices) = parse(query, |_| None);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            state,
            ViewState {
                embed: true,
                ..august_view()
            }
        );
    }

    #[test]
    fn the_readme_gives_publishers_this_snippet() {
        let readme = include_str!("../../../README.md");
        let block = readme
            .split("<!-- embed-snippet -->")
            .nth(1)
            .and_then(|rest| rest.split("<!-- /embed-snippet -->").next())
            .expect("the README marks its snippet");
        let code = block
            .trim()
            .trim_start_matches("```html")
            .trim_end_matches("```")
            .trim_start();
        let example = "https://example.org/rare-earth-flows/?month=2025-08&embed=1";
        assert_eq!(code, embed_snippet(example));
    }
}
