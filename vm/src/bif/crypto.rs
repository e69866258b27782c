//! `crypto:hash/2` (OTP's crypto NIF library cannot load here, and AtomVM has it
//! natively): MD5, SHA-1 and SHA-2 digests of iodata, as binaries.

use super::convert::iolist_bytes;
use crate::interp::{Context, Exception};
use crate::term::Term;
use sha2::Digest;

/// `crypto:hash(Type, Data)`: `md5`, `sha`, `sha224`, `sha256`, `sha384`, `sha512`.
pub fn hash(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (kind, data) = match args {
        [kind, data] => (*kind, *data),
        _ => return Err(Exception::badarg()),
    };
    let name = kind
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    let bytes = iolist_bytes(ctx, data).ok_or_else(Exception::badarg)?;
    let digest: Vec<u8> = match name.as_str() {
        "md5" => md5::Md5::digest(&bytes).to_vec(),
        "sha" => sha1::Sha1::digest(&bytes).to_vec(),
        "sha224" => sha2::Sha224::digest(&bytes).to_vec(),
        "sha256" => sha2::Sha256::digest(&bytes).to_vec(),
        "sha384" => sha2::Sha384::digest(&bytes).to_vec(),
        "sha512" => sha2::Sha512::digest(&bytes).to_vec(),
        _ => return Err(Exception::badarg()),
    };
    Ok(ctx.heap().binary(&digest))
}
