//! Links and embed code for the share dialog. The snippet is the one the
//! README gives publishers, so the two can never drift apart (a test reads
//! the README).

use crate::core::analysis::series::Series;
use crate::core::data::period::Month;
use crate::core::state::url_state::{to_query, Hidden, Theme, ViewState};
use crate::core::text::i18n::Lang;

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

/// The two ways the dialog writes an embed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum EmbedCode {
    /// An iframe and a few lines that size it: for pages that allow no
    /// outside script.
    #[default]
    Frame,
    /// A holder, `embed.js` and the view's picture for readers whose browser
    /// runs no script (Datawrapper's and Flourish's pattern).
    Script,
}

impl EmbedCode {
    pub fn slug(self) -> &'static str {
        match self {
            EmbedCode::Frame => "iframe",
            EmbedCode::Script => "script",
        }
    }

    pub fn from_slug(slug: &str) -> Option<EmbedCode> {
        [EmbedCode::Frame, EmbedCode::Script]
            .into_iter()
            .find(|code| code.slug() == slug)
    }
}

/// What the editor chooses for an embed in the share dialog.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    pub code: EmbedCode,
    /// Leave the month out, so the frame moves on when the data does.
    pub follow_latest: bool,
    /// Light unless asked: the article around the frame decides its look,
    /// and a dark frame in a white page is a black box. `None` follows the
    /// reader's system setting.
    pub theme: Option<Theme>,
    pub hidden: Hidden,
    /// `None` follows the reader's browser.
    pub lang: Option<Lang>,
}

impl Default for EmbedOptions {
    fn default() -> EmbedOptions {
        EmbedOptions {
            code: EmbedCode::Frame,
            follow_latest: false,
            theme: Some(Theme::Light),
            hidden: Hidden::default(),
            lang: None,
        }
    }
}

/// The embedded view: the same state in embed mode, with the editor's
/// options.
pub fn embed_address(page: &str, state: &ViewState, options: &EmbedOptions) -> String {
    let embedded = ViewState {
        embed: true,
        month: if options.follow_latest {
            None
        } else {
            state.month
        },
        theme: options.theme,
        hidden: options.hidden,
        lang: options.lang,
        ..state.clone()
    };
    format!("{page}{}", to_query(&embedded))
}

/// The iframe and the script that sizes it from the height messages: only
/// from a frame of the page, and only one that shows the explorer's origin.
pub fn embed_snippet(address: &str) -> String {
    let title = frame_title();
    format!(
        r#"<iframe src="{address}"
  title="{title}"
  style="width: 100%; border: 0" height="{DEFAULT_EMBED_HEIGHT}" loading="lazy" allow="clipboard-write"></iframe>
<script>
  addEventListener("message", (event) => {{
    if (event.data?.type !== "rare-earth-flows:height") return;
    for (const frame of document.querySelectorAll("iframe")) {{
      if (frame.contentWindow === event.source && new URL(frame.src, location.href).origin === event.origin) frame.style.height = event.data.height + "px";
    }}
  }});
</script>
"#
    )
}

/// The folder of the explorer's files: `page` without a file name
/// (`…/rare-earth-flows/index.html` → `…/rare-earth-flows/`).
fn site_folder(page: &str) -> &str {
    page.rfind('/').map_or(page, |slash| &page[..=slash])
}

/// The picture of a month of a series, relative to the site: made at build
/// time for every month on the timeline and each language
/// (tests/tools/view-pictures.mjs writes the same names). `None` is the
/// month a "latest" embed opens on.
pub fn picture_path(series: Series, month: Option<Month>, lang: Lang) -> String {
    let month = month.map_or_else(|| "latest".to_string(), |m| m.to_string());
    format!("views/{}-{month}-{}.png", series.slug(), lang.slug())
}

/// The picture a script embed carries for readers without script: the
/// month the frame shows, or the "latest" one, in `lang`; none for Korea's
/// own figures, which have no picture. `summary_fits`: the view's summary
/// (of the month `shown`) describes the picture, so it is its alt text; it
/// does not when a "latest" embed is made from a pinned month.
pub fn noscript_picture(
    state: &ViewState,
    shown: Option<Month>,
    options: &EmbedOptions,
    lang: Lang,
) -> Option<NoscriptPicture> {
    if state.reporter.is_some() {
        return None;
    }
    let month = if options.follow_latest { None } else { shown };
    Some(NoscriptPicture {
        path: picture_path(state.series, month, lang),
        summary_fits: !options.follow_latest || state.month.is_none(),
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct NoscriptPicture {
    pub path: String,
    pub summary_fits: bool,
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One holder and `embed.js`, which makes the frame and sizes it. Inside the
/// holder, for a reader whose browser runs no script (a feed reader, an
/// e-mail, script turned off), the view's picture with `alt` as its words;
/// `picture` is `None` where no picture is made (Korea's own figures).
pub fn script_snippet(page: &str, address: &str, picture: Option<&str>, alt: &str) -> String {
    let folder = site_folder(page);
    let title = frame_title();
    let fallback = picture.map_or_else(String::new, |path| {
        format!(
            "\n  <noscript><img src=\"{folder}{path}\" alt=\"{}\" style=\"width: 100%; height: auto\"></noscript>\n",
            attribute(alt)
        )
    });
    format!(
        r#"<div data-rare-earth-flows="{address}" data-title="{title}">{fallback}</div>
<script src="{folder}embed.js" async></script>
"#
    )
}

/// The fields of AMP's resize request, besides the height: what an
/// `<amp-iframe resizable>` listens for.
pub fn amp_embed_size() -> [(&'static str, &'static str); 2] {
    [("sentinel", "amp"), ("type", "embed-size")]
}

/// pym.js's parameters in a child's address (`childId` names the frame;
/// `initialWidth`, `parentTitle`, `parentUrl` describe the parent page):
/// read by the embed, ignored by the view state.
pub const PYM_PARAMETERS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// The frame's id when pym.js loaded it, from the address it loaded.
pub fn pym_child_id(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("childId="))
        .map(crate::core::state::url_state::percent_decode)
        .filter(|id| !id.is_empty())
}

/// pym.js's height message, in its own string format
/// (`pymxPYMx<id>xPYMxheightxPYMx<px>`), which its parent splits on `xPYMx`.
pub fn pym_height(child_id: &str, height: u32) -> String {
    format!("pymxPYMx{child_id}xPYMxheightxPYMx{height}")
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
    fn links_and_embeds_carry_the_view_and_the_editors_options() {
        let dark = ViewState {
            theme: Some(Theme::Dark),
            ..august_view()
        };
        let light = EmbedOptions::default();
        let cases = [
            // An embed is light by default, whatever the editor's own page shows.
            (
                &dark,
                light,
                "?month=2025-08&country=KOR&theme=light&embed=1",
            ),
            (
                &dark,
                EmbedOptions {
                    follow_latest: true,
                    ..light
                },
                "?country=KOR&theme=light&embed=1",
            ),
            // "Follow the reader": no theme in the address.
            (
                &dark,
                EmbedOptions {
                    theme: None,
                    ..light
                },
                "?month=2025-08&country=KOR&embed=1",
            ),
            (
                &august_view(),
                EmbedOptions {
                    theme: Some(Theme::Dark),
                    hidden: Hidden {
                        headline: true,
                        timeline: true,
                    },
                    lang: Some(Lang::Ko),
                    ..light
                },
                "?month=2025-08&country=KOR&theme=dark&lang=ko&embed=1&hide=headline,timeline",
            ),
        ];
        for (state, options, expected) in cases {
            assert_eq!(
                embed_address(PAGE, state, &options),
                format!("{PAGE}{expected}")
            );
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
    fn a_frame_loaded_by_pym_keeps_its_view_and_answers_in_pyms_format() {
        // What pym.js's Parent appends to the child's address.
        let query = "?month=2025-08&embed=1&initialWidth=720&childId=re-flows&parentTitle=An%20article&parentUrl=https%3A%2F%2Fnews.example%2Fstory";
        let (state, notices) = parse(query, |_| None);
        assert!(
            notices.is_empty(),
            "pym's parameters raise no notice: {notices:?}"
        );
        assert_eq!(state.month, Month::new(2025, 8));
        assert!(state.embed);
        assert_eq!(pym_child_id(query).as_deref(), Some("re-flows"));
        assert_eq!(pym_child_id("?month=2025-08&embed=1"), None);
        assert_eq!(pym_child_id("?childId="), None);
        // pym's Parent splits the message on "xPYMx": ["pym", id, "height", px].
        let message = pym_height("re-flows", 812);
        let parts: Vec<&str> = message.split("xPYMx").collect();
        assert_eq!(parts, ["pym", "re-flows", "height", "812"]);
    }

    #[test]
    fn the_snippet_lazy_loads_a_named_frame_and_trusts_only_its_own_origin() {
        let snippet = embed_snippet("https://example.org/rare-earth-flows/?embed=1");
        for part in [
            r#"loading="lazy""#,
            r#"allow="clipboard-write""#,
            r#"title="Rare-Earth Flows"#,
            "event.origin",
            "event.source",
        ] {
            assert!(snippet.contains(part), "{part}");
        }
    }

    #[test]
    fn pictures_are_named_by_series_month_and_language() {
        let cases = [
            (
                Series::Magnets,
                Month::new(2025, 8),
                Lang::En,
                "views/magnets-2025-08-en.png",
            ),
            (
                Series::RareEarths,
                Month::new(2023, 12),
                Lang::Mn,
                "views/rare-earths-2023-12-mn.png",
            ),
            (
                Series::RareEarthProducts,
                None,
                Lang::Ko,
                "views/re-products-latest-ko.png",
            ),
        ];
        for (series, month, lang, expected) in cases {
            assert_eq!(picture_path(series, month, lang), expected);
        }
    }

    #[test]
    fn a_script_embed_pictures_the_month_it_shows_and_says_when_the_summary_fits() {
        use crate::core::state::url_state::Reporter;
        let august = Month::new(2025, 8);
        let pinned = august_view();
        let following = ViewState {
            month: None,
            ..august_view()
        };
        let latest = EmbedOptions {
            follow_latest: true,
            ..EmbedOptions::default()
        };
        let fixed = EmbedOptions::default();
        let picture = |path: &str, summary_fits| {
            Some(NoscriptPicture {
                path: path.to_string(),
                summary_fits,
            })
        };
        let cases = [
            (
                &pinned,
                fixed,
                Lang::En,
                picture("views/magnets-2025-08-en.png", true),
            ),
            (
                &pinned,
                fixed,
                Lang::Ko,
                picture("views/magnets-2025-08-ko.png", true),
            ),
            // The view follows the latest month too: its summary is that month's.
            (
                &following,
                latest,
                Lang::En,
                picture("views/magnets-latest-en.png", true),
            ),
            // A pinned August's summary would describe the wrong month.
            (
                &pinned,
                latest,
                Lang::Mn,
                picture("views/magnets-latest-mn.png", false),
            ),
        ];
        for (state, options, lang, expected) in cases {
            assert_eq!(noscript_picture(state, august, &options, lang), expected);
        }
        let korea = ViewState {
            reporter: Some(Reporter::Korea),
            ..august_view()
        };
        assert_eq!(noscript_picture(&korea, august, &fixed, Lang::En), None);
    }

    #[test]
    fn the_script_embed_loads_embed_js_from_the_site_and_carries_the_picture_for_readers_without_script(
    ) {
        let address = format!("{PAGE}?month=2025-08&theme=light&embed=1");
        let alt = r#"In August 2025 China exported 6,146 t of "magnets" & more <b>"#;
        for page in [PAGE, "https://example.org/rare-earth-flows/index.html"] {
            let snippet = script_snippet(page, &address, Some("views/magnets-2025-08-en.png"), alt);
            assert_eq!(
                snippet,
                "<div data-rare-earth-flows=\"https://example.org/rare-earth-flows/?month=2025-08&theme=light&embed=1\" \
                 data-title=\"Rare-Earth Flows: China's rare-earth exports, by destination\">\n  \
                 <noscript><img src=\"https://example.org/rare-earth-flows/views/magnets-2025-08-en.png\" \
                 alt=\"In August 2025 China exported 6,146 t of &quot;magnets&quot; &amp; more &lt;b&gt;\" \
                 style=\"width: 100%; height: auto\"></noscript>\n</div>\n\
                 <script src=\"https://example.org/rare-earth-flows/embed.js\" async></script>\n"
            );
        }
        // No picture: the holder alone.
        let bare = script_snippet(PAGE, &address, None, alt);
        assert!(!bare.contains("noscript"), "{bare}");
        assert!(bare.starts_with(&format!("<div data-rare-earth-flows=\"{address}\"")));
    }

    #[test]
    fn the_embed_code_choice_reads_back_from_its_slug() {
        assert_eq!(EmbedCode::from_slug("iframe"), Some(EmbedCode::Frame));
        assert_eq!(EmbedCode::from_slug("script"), Some(EmbedCode::Script));
        assert_eq!(EmbedCode::from_slug("amp"), None);
        assert_eq!(EmbedOptions::default().code, EmbedCode::Frame);
    }

    #[test]
    fn an_embed_address_reads_back_as_the_same_view() {
        let options = EmbedOptions {
            hidden: Hidden {
                headline: false,
                timeline: true,
            },
            ..EmbedOptions::default()
        };
        let address = embed_address(PAGE, &august_view(), &options);
        let query = address.strip_prefix(PAGE).unwrap();
        let (state, notices) = parse(query, |_| None);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            state,
            ViewState {
                embed: true,
                theme: Some(Theme::Light),
                hidden: options.hidden,
                ..august_view()
            }
        );
        // A part that cannot be hidden is refused with a notice, not half read.
        let (state, notices) = parse("?hide=headline,legend", |_| None);
        assert_eq!(state.hidden, Hidden::default());
        assert_eq!(notices.len(), 1);
    }

    /// The code block the README marks with `<!-- name -->` … `<!-- /name -->`.
    fn readme_code(name: &str) -> &'static str {
        let readme = include_str!("../../../README.md");
        readme
            .split(&format!("<!-- {name} -->"))
            .nth(1)
            .and_then(|rest| rest.split(&format!("<!-- /{name} -->")).next())
            .unwrap_or_else(|| panic!("the README marks no {name}"))
            .trim()
            .trim_start_matches("```html")
            .trim_end_matches("```")
            .trim_start()
    }

    const README_EXAMPLE: &str = "https://example.org/rare-earth-flows/?month=2025-08&embed=1";

    #[test]
    fn the_readme_gives_publishers_this_snippet() {
        assert_eq!(readme_code("embed-snippet"), embed_snippet(README_EXAMPLE));
    }

    #[test]
    fn the_readme_gives_publishers_this_script_snippet() {
        let picture = picture_path(Series::Magnets, Month::new(2025, 8), Lang::En);
        let alt = "In August 2025 China exported 6,146 t of rare-earth magnets.";
        assert_eq!(
            readme_code("script-snippet"),
            script_snippet(PAGE, README_EXAMPLE, Some(&picture), alt)
        );
    }
}
