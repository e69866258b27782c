//! `erlang:dt_*`: DTrace tags, as on a BEAM built without DTrace (`file` spreads
//! and restores them around calls to its server).

use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// `erlang:dt_spread_tag/1` and `dt_restore_tag/1`: `true`.
pub fn spread_or_restore(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(atoms::true_)
}

/// `erlang:dt_get_tag/0` and `dt_put_tag/1`: `undefined`.
pub fn get_or_put(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(atoms::undefined)
}
