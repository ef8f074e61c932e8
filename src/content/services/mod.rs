//! The service directory (`services/*.toml`), modelled on Open Referral UK (HSDS) fields, in a
//! format a non-developer can edit; checked by `signpost check`.

mod checks;
mod directory;
mod entry;
mod file;
pub mod opening;
mod places;
mod review;

pub use checks::{REVIEW_DAYS, is_district, is_language_tag};
pub use directory::Directory;
pub use entry::{Access, Cost, Service, base_language, cost_rank};
pub use file::{MAPPING_FILE, to_toml};
pub use places::{LanguageBit, PlaceIndex, Placed};
pub use review::{CSV_HEADER, OrganisationDue, ReviewList, review_due, review_list, write_csv};
