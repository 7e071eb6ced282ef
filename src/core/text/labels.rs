//! Readers' names for the dataset's metric codes.

/// A reader's name for a metric of SOURCES.md.
pub fn metric_label(metric: &str) -> String {
    let known = match metric {
        "mine_production" => crate::t!("Rare-earth mine production (REO)"),
        "reserves" => crate::t!("Rare-earth reserves (REO)"),
        "mining_share" => crate::t!("Share of world rare-earth mining"),
        "refining_share" => crate::t!("Share of world rare-earth refining"),
        "mining_share_projected" => crate::t!("Projected share of world mining"),
        "refining_share_projected" => crate::t!("Projected share of world refining"),
        "magnet_production_share" => crate::t!("Share of world magnet production"),
        "import_share" => crate::t!("Share of rare-earth imports from partner"),
        "magnet_export_share" => crate::t!("Share of China's magnet exports"),
        "magnet_import_share" => crate::t!("Share of magnet imports from partner"),
        "capacity" => crate::t!("Magnet capacity (operating)"),
        "capacity_planned" => crate::t!("Magnet capacity (planned)"),
        "net_import_reliance" => crate::t!("Net import reliance"),
        "investment" => crate::t!("Investment"),
        _ => String::new(),
    };
    if known.is_empty() {
        let spaced = metric.replace('_', " ");
        let mut chars = spaced.chars();
        // Metric names are ASCII; this avoids Unicode case tables in the wasm.
        chars.next().map_or(String::new(), |c| {
            c.to_ascii_uppercase().to_string() + chars.as_str()
        })
    } else {
        known.to_string()
    }
}
