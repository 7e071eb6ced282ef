//! Readers' names for the dataset's metric codes.

/// Every metric of the shipped data file (SOURCES.md's `metric` column)
/// with its English label, sorted by code; the catalogues translate each as
/// `metric.<code>`. A host test checks that the data names no other.
pub static METRICS: &[(&str, &str)] = &[
    ("capacity", "Magnet capacity (operating)"),
    ("capacity_alloy_planned", "Magnet alloy capacity (planned)"),
    (
        "capacity_copper_planned",
        "Copper output capacity (planned)",
    ),
    (
        "capacity_hre_feed_planned",
        "Heavy rare-earth feed capacity (planned)",
    ),
    ("capacity_ndpr", "NdPr oxide capacity"),
    ("capacity_planned", "Magnet capacity (planned)"),
    (
        "capacity_planned_expanded",
        "Magnet capacity after expansion (planned)",
    ),
    (
        "capacity_planned_initial",
        "Initial magnet capacity (planned)",
    ),
    ("capacity_separation", "Rare-earth separation capacity"),
    (
        "capacity_separation_hre_planned",
        "Heavy rare-earth separation capacity (planned)",
    ),
    (
        "capacity_separation_planned",
        "Rare-earth separation capacity (planned)",
    ),
    ("capex_estimate_min", "Estimated capital cost, at least"),
    ("commissioning_target_year", "Target year for commissioning"),
    (
        "crma_benchmark_extraction",
        "EU target: share of needs mined in the EU",
    ),
    (
        "crma_benchmark_processing",
        "EU target: share of needs processed in the EU",
    ),
    (
        "crma_benchmark_recycling",
        "EU target: share of needs met by recycling",
    ),
    (
        "crma_benchmark_single_country_max",
        "EU limit: most from any one country",
    ),
    ("equipment_types_installed", "Kinds of equipment installed"),
    ("exploration_drilling", "Exploration drilling"),
    ("exploration_licences", "Exploration licences"),
    (
        "export_control_announcements_suspended",
        "Export-control announcements suspended",
    ),
    (
        "export_control_deminimis_value_share",
        "De minimis share of value under export control",
    ),
    (
        "export_control_list_entities_added",
        "Entities added to the export control list",
    ),
    (
        "export_control_suspension_years",
        "Export controls suspended for",
    ),
    (
        "export_controlled_element_dysprosium",
        "Export-controlled: dysprosium",
    ),
    (
        "export_controlled_element_erbium",
        "Export-controlled: erbium",
    ),
    (
        "export_controlled_element_europium",
        "Export-controlled: europium",
    ),
    (
        "export_controlled_element_gadolinium",
        "Export-controlled: gadolinium",
    ),
    (
        "export_controlled_element_holmium",
        "Export-controlled: holmium",
    ),
    (
        "export_controlled_element_lutetium",
        "Export-controlled: lutetium",
    ),
    (
        "export_controlled_element_samarium",
        "Export-controlled: samarium",
    ),
    (
        "export_controlled_element_scandium",
        "Export-controlled: scandium",
    ),
    (
        "export_controlled_element_terbium",
        "Export-controlled: terbium",
    ),
    (
        "export_controlled_element_thulium",
        "Export-controlled: thulium",
    ),
    (
        "export_controlled_element_ytterbium",
        "Export-controlled: ytterbium",
    ),
    (
        "export_controlled_element_yttrium",
        "Export-controlled: yttrium",
    ),
    (
        "export_controlled_elements",
        "Rare earths under export control",
    ),
    (
        "export_controlled_elements_added",
        "Rare earths added to export control",
    ),
    (
        "export_controlled_equipment_categories_added",
        "Equipment categories added to export control",
    ),
    ("exports_copper_concentrate", "Copper concentrate exports"),
    ("exports_molybdenum", "Molybdenum exports"),
    ("facility_opening", "Opening of a facility"),
    ("first_commercial_shipment", "First commercial shipment"),
    ("funding_commitment", "Funding committed"),
    (
        "general_licence_validity_years",
        "General licences valid for",
    ),
    (
        "import_concentration",
        "Imports from a few countries (share)",
    ),
    (
        "import_concentration_target",
        "Target for imports from a few countries (share)",
    ),
    ("import_share", "Share of rare-earth imports from partner"),
    (
        "import_share_gallium",
        "Share of gallium imports from partner",
    ),
    (
        "import_share_graphite",
        "Share of graphite imports from partner",
    ),
    (
        "import_share_indium",
        "Share of indium imports from partner",
    ),
    (
        "import_share_lithium",
        "Share of lithium imports from partner",
    ),
    (
        "import_share_magnesium",
        "Share of magnesium imports from partner",
    ),
    (
        "import_share_niobium",
        "Share of niobium imports from partner",
    ),
    (
        "import_share_silicon",
        "Share of silicon imports from partner",
    ),
    ("investment", "Investment"),
    (
        "investment_cumulative_min",
        "Cumulative investment, at least",
    ),
    ("investment_exploration", "Spent on exploration"),
    ("investment_min", "Investment, at least"),
    ("investment_planned", "Investment (planned)"),
    ("investment_planned_total", "Total investment (planned)"),
    ("korean_companies_present", "Korean companies present"),
    ("licence_area", "Licence area"),
    ("loan", "Loan"),
    ("magnet_export_share", "Share of China's magnet exports"),
    (
        "magnet_export_unit_price",
        "Average price of magnet exports",
    ),
    ("magnet_exports", "Magnet exports"),
    (
        "magnet_exports_incl_powder_alloy",
        "Magnet exports with NdFeB powders and alloys",
    ),
    (
        "magnet_exports_mom",
        "Magnet exports, change on the month before",
    ),
    ("magnet_exports_value", "Value of magnet exports"),
    (
        "magnet_exports_yoy",
        "Magnet exports, change on a year earlier",
    ),
    ("magnet_exports_ytd", "Magnet exports, year to date"),
    (
        "magnet_import_share",
        "Share of magnet imports from partner",
    ),
    ("magnet_imports", "Magnet imports"),
    ("magnet_imports_value", "Value of magnet imports"),
    (
        "magnet_production_share",
        "Share of world magnet production",
    ),
    ("mine_production", "Rare-earth mine production (REO)"),
    ("mine_production_copper", "Copper mine production"),
    ("mine_production_molybdenum", "Molybdenum mine production"),
    ("mining_licences", "Mining licences"),
    ("mining_share", "Share of world rare-earth mining"),
    ("mining_share_projected", "Projected share of world mining"),
    ("mou_signed", "Memorandum of understanding signed"),
    ("net_import_reliance", "Net import reliance"),
    ("operating_mines", "Mines in operation"),
    ("policy_announcement", "Policy announcement"),
    ("price_floor", "Price floor"),
    ("production_magnets", "Magnet output"),
    ("production_ndpr_oxide", "NdPr oxide output"),
    (
        "production_rank_molybdenum",
        "World rank in molybdenum output",
    ),
    ("production_share_planned", "Planned share of world output"),
    ("production_target_year", "Target year for first output"),
    ("project_pipeline_value", "Value of the project pipeline"),
    ("public_funding", "Public funding"),
    (
        "public_funding_commitment_min_each",
        "Public funding committed by each, at least",
    ),
    (
        "public_investment_combined_6m",
        "Public investment in six months, combined",
    ),
    (
        "rare_metals_centres_planned",
        "Rare-metal cooperation centres planned",
    ),
    (
        "rare_metals_in_scope",
        "Rare metals in the centre's research",
    ),
    (
        "rare_metals_sourced_mainly_from_china",
        "Rare metals imported mainly from China",
    ),
    ("re_export_share", "Share of China's rare-earth exports"),
    ("re_exports", "Rare-earth exports"),
    (
        "re_exports_mom",
        "Rare-earth exports, change on the month before",
    ),
    (
        "re_exports_unit_price",
        "Average price of rare-earth exports",
    ),
    ("re_exports_value", "Value of rare-earth exports"),
    (
        "re_exports_value_yoy",
        "Value of rare-earth exports, change on a year earlier",
    ),
    (
        "re_exports_value_ytd",
        "Value of rare-earth exports, year to date",
    ),
    (
        "re_exports_yoy",
        "Rare-earth exports, change on a year earlier",
    ),
    ("re_exports_ytd", "Rare-earth exports, year to date"),
    ("re_imports", "Rare-earth imports"),
    ("re_imports_value", "Value of rare-earth imports"),
    (
        "re_imports_yoy",
        "Rare-earth imports, change on a year earlier",
    ),
    ("re_imports_ytd", "Rare-earth imports, year to date"),
    ("re_products_exports", "Rare-earth product exports"),
    ("ree_occurrences", "Rare-earth occurrences known"),
    ("refining_share", "Share of world rare-earth refining"),
    (
        "refining_share_projected",
        "Projected share of world refining",
    ),
    ("reserves", "Rare-earth reserves (REO)"),
    ("reserves_claimed", "Reserves as claimed"),
    ("reserves_copper", "Copper reserves"),
    ("reserves_deposit", "Reserves of a deposit"),
    ("reserves_jorc", "Reserves to the JORC code"),
    ("reserves_min", "Reserves, at least"),
    ("reserves_molybdenum", "Molybdenum reserves"),
    (
        "reserves_rank_fluorspar",
        "World rank in fluorspar reserves",
    ),
    ("resources", "Rare-earth resources"),
    (
        "stockpile_days_actual_avg_critical_minerals",
        "Critical-mineral stocks held by industry, on average",
    ),
    (
        "stockpile_days_baseline_rare_metals",
        "Rare-metal stockpile before the plan",
    ),
    ("stockpile_days_neodymium", "Neodymium stockpile"),
    ("stockpile_funding", "Stockpile funding"),
    ("stockpile_funding_loan", "Stockpile funding: loan"),
    (
        "stockpile_funding_private",
        "Stockpile funding: private capital",
    ),
    (
        "stockpile_months_min_dysprosium",
        "Dysprosium stockpile, at least",
    ),
    ("stockpile_target_days", "Stockpile target"),
    (
        "stockpile_target_days_rare_metals",
        "Rare-metal stockpile target",
    ),
    ("summit_meeting", "Summit meeting"),
    ("supply_contract_value", "Value of a supply contract"),
    (
        "supply_contract_volume_copper_concentrate",
        "Copper concentrate under supply contracts",
    ),
    ("tariff_rate_fentanyl", "Fentanyl-related tariff"),
    (
        "tariff_rate_fentanyl_previous",
        "Fentanyl-related tariff, before",
    ),
    ("tariff_rate_total", "Total tariff"),
    ("tariff_rate_total_previous", "Total tariff, before"),
    ("training_commitment", "People to be trained"),
    ("transaction_value", "Value of a sale"),
];

/// A reader's name for a metric. A metric that a newer data file adds and
/// this table lacks is shown as its code in words ("Magnet exports qoq"),
/// which is English in every language; the data test keeps the shipped file
/// free of such metrics.
pub fn metric_label(metric: &str) -> String {
    match METRICS.binary_search_by(|(code, _)| code.cmp(&metric)) {
        Ok(i) => crate::core::text::i18n::tr(&format!("metric.{metric}"), METRICS[i].1),
        Err(_) => {
            let spaced = metric.replace('_', " ");
            let mut chars = spaced.chars();
            // Metric names are ASCII; this avoids Unicode case tables in the wasm.
            chars.next().map_or(String::new(), |c| {
                c.to_ascii_uppercase().to_string() + chars.as_str()
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_of_the_shipped_data_has_a_label() {
        let dataset = crate::core::data::dataset::Dataset::embedded().unwrap();
        let mut unlabelled: Vec<&str> = dataset
            .facts
            .iter()
            .map(|f| f.metric.as_str())
            .filter(|m| METRICS.binary_search_by(|(code, _)| code.cmp(m)).is_err())
            .collect();
        unlabelled.dedup();
        assert!(
            unlabelled.is_empty(),
            "metrics without a label: {unlabelled:?}"
        );
        assert!(
            METRICS.windows(2).all(|w| w[0].0 < w[1].0),
            "METRICS must be sorted by code"
        );
    }

    #[test]
    fn a_label_reads_the_metric_in_words() {
        assert_eq!(
            metric_label("capacity_copper_planned"),
            "Copper output capacity (planned)"
        );
        assert_eq!(
            metric_label("import_share_gallium"),
            "Share of gallium imports from partner"
        );
        assert_eq!(metric_label("magnet_exports_qoq"), "Magnet exports qoq");
    }
}
