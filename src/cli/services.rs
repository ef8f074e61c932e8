//! `signpost services`: what the bot would suggest, importing an Open Referral UK export, and
//! the services due a review.

use std::io::{self, Write};
use std::process::ExitCode;

use super::args::ServicesAction;
use super::error::CliError;
use signpost::content::Content;

pub fn services_action(
    dir: &std::path::Path,
    action: ServicesAction,
) -> Result<ExitCode, CliError> {
    use signpost::matching::{Query, suggest};
    use signpost::validate::uk_postcode;
    let (content, _) = Content::load(dir)?;
    let mut out = io::stdout().lock();
    match action {
        ServicesAction::Match {
            need,
            postcode,
            age,
            lang,
            json,
        } => {
            let known = content.need_ids();
            if let Some(bad) = need.iter().find(|n| !known.contains(*n)) {
                let list = known.iter().cloned().collect::<Vec<_>>().join(", ");
                return Err(CliError::UnknownNeed(bad.clone(), list));
            }
            let postcode = match postcode {
                Some(p) => Some(uk_postcode(&p).ok_or(CliError::BadPostcode(p))?),
                None => None,
            };
            let found = suggest(
                &content.directory,
                &Query {
                    needs: &need,
                    postcode: postcode.as_deref(),
                    age,
                    language: &lang,
                },
            );
            if json {
                let rows: Vec<_> = found
                    .iter()
                    .map(|f| {
                        serde_json::json!({
                            "need": f.need,
                            "id": f.service.id,
                            "name": f.service.name,
                            "organisation": f.service.organisation,
                            "phone": f.service.phone,
                            "website": f.service.website,
                            "reasons": f.reasons,
                            "distance_km": f.distance_km.map(|km| (km * 100.0).round() / 100.0),
                        })
                    })
                    .collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
            } else if found.is_empty() {
                writeln!(out, "No matching services.")?;
            } else {
                for f in &found {
                    let why: Vec<String> = f.reasons.iter().map(|r| r.to_string()).collect();
                    writeln!(
                        out,
                        "{:<9} {:<28} {} ({})",
                        f.need,
                        f.service.id,
                        f.service.name,
                        why.join(", ")
                    )?;
                }
            }
        }
        ServicesAction::Import { file, out: target } => {
            let json = signpost::import::read_export(&file)?;
            let mapping_path = dir
                .join("services")
                .join(signpost::content::services::MAPPING_FILE);
            let mapping = match std::fs::read_to_string(&mapping_path) {
                Ok(src) => signpost::import::Mapping::parse(
                    std::path::Path::new("services/mapping.toml"),
                    &src,
                )
                .map_err(CliError::Problem)?,
                Err(_) => signpost::import::Mapping::default(),
            };
            let (services, report) = signpost::import::import(
                &file.display().to_string(),
                &json,
                &mapping,
                chrono::Utc::now().date_naive(),
            )?;
            for (id, why) in &report.skipped {
                eprintln!("skipped {id}: {why}");
            }
            let target = target.unwrap_or_else(|| dir.join("services").join("imported.toml"));
            let header = signpost::import::header(
                &file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                chrono::Utc::now().date_naive(),
            );
            let text = signpost::content::services::to_toml(&services, &header)
                .map_err(|e| CliError::Write(target.clone(), io::Error::other(e)))?;
            // All or nothing: write beside the target, then rename over it.
            let tmp = target.with_extension("toml.partial");
            std::fs::write(&tmp, text).map_err(|e| CliError::Write(tmp.clone(), e))?;
            std::fs::rename(&tmp, &target).map_err(|e| CliError::Write(target.clone(), e))?;
            writeln!(out, "{} Written to {}.", report.summary(), target.display())?;
        }
        ServicesAction::Review { csv, as_of } => {
            let today = as_of.unwrap_or_else(|| chrono::Utc::now().date_naive());
            review(&content.directory, today, csv, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `services review`: the services due a review, as text or CSV.
fn review(
    dir: &signpost::content::services::Directory,
    today: chrono::NaiveDate,
    csv: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    use signpost::content::services::{review_list, write_csv};
    let list = review_list(dir, today);
    if csv {
        return write_csv(&list, dir, today, out).map_err(|e| CliError::Output(e.into()));
    }
    for group in &list.organisations {
        writeln!(out, "{}", group.organisation)?;
        for s in &group.services {
            let when = match s.reviewed {
                Some(d) => format!("last reviewed {d} ({} days ago)", (today - d).num_days()),
                None => "never reviewed".to_string(),
            };
            writeln!(out, "  {}  {} ({when})", s.id, s.name)?;
            let address = match (&s.address, &s.postcode) {
                (Some(a), Some(p)) => Some(format!("{a}, {p}")),
                (a, p) => a.clone().or_else(|| p.clone()),
            };
            let contact: Vec<String> = [
                ("phone", s.phone.clone()),
                ("email", s.email.clone()),
                ("website", s.website.clone()),
                ("address", address),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| format!("{k} {v}")))
            .collect();
            if contact.is_empty() {
                writeln!(out, "    no contact details")?;
            } else {
                writeln!(out, "    {}", contact.join(" | "))?;
            }
        }
    }
    writeln!(out, "{}", list.summary())?;
    Ok(())
}
