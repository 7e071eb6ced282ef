//! What a button in a group does. A group has one click handler; each of its
//! buttons names its action in `data-action`, read here and nowhere else,
//! so test ids stay free to change for tests alone.

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Action {
    ZoomIn,
    ZoomOut,
    CopyLink,
    CopySnippet,
    /// The view's summary sentence, as a picture's alt text.
    CopyAltText,
    CloseShare,
    Download(Download),
}

/// The files the Download group builds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Download {
    /// The month's flows as CSV.
    ViewCsv,
    /// The dataset in use.
    Dataset,
    MapSvg,
    MapPng,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::ZoomIn,
        Action::ZoomOut,
        Action::CopyLink,
        Action::CopySnippet,
        Action::CopyAltText,
        Action::CloseShare,
        Action::Download(Download::ViewCsv),
        Action::Download(Download::Dataset),
        Action::Download(Download::MapSvg),
        Action::Download(Download::MapPng),
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Action::ZoomIn => "zoom-in",
            Action::ZoomOut => "zoom-out",
            Action::CopyLink => "copy-link",
            Action::CopySnippet => "copy-snippet",
            Action::CopyAltText => "copy-alt-text",
            Action::CloseShare => "close-share",
            Action::Download(Download::ViewCsv) => "download-view",
            Action::Download(Download::Dataset) => "download-dataset",
            Action::Download(Download::MapSvg) => "download-svg",
            Action::Download(Download::MapPng) => "download-png",
        }
    }

    pub fn parse(slug: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_attribute_and_nothing_else_does() {
        for action in Action::ALL {
            assert_eq!(Action::parse(action.slug()), Some(action));
        }
        let mut slugs: Vec<_> = Action::ALL.iter().map(|a| a.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Action::ALL.len(), "two actions share a slug");
        for stray in ["", "zoom", "download-csv ", "ZOOM-IN"] {
            assert_eq!(Action::parse(stray), None, "{stray:?}");
        }
    }
}
