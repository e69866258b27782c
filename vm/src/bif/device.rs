//! Natives AtomVM implements in C where OTP has Erlang code: used in device mode only
//! (`--device-natives`), where AtomVM's library has just a stub for them. On the host,
//! OTP's own modules run instead.

use super::device_base64 as base64;
use super::maps::map_next;
use super::unicode::{characters_to_binary, characters_to_list};
use super::{device_code, device_ports, device_time};
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::io::avm_socket as socket;
use crate::module::NativeFn;
use crate::term::Term;

/// The device-only native of `module:function/arity`, if this VM has one.
pub fn lookup(module: &str, function: &str, arity: u8) -> Option<NativeFn> {
    let f: NativeFn = match (module, function, arity) {
        ("maps", "next", 1) => maps_next,
        ("unicode", "characters_to_list", 1) => characters_to_list_utf8,
        ("unicode", "characters_to_binary", 1) => characters_to_binary_utf8,
        ("base64", "encode", 1 | 2) => base64::encode,
        ("base64", "decode", 1 | 2) => base64::decode,
        ("base64", "encode_to_string", 1 | 2) => base64::encode_to_string,
        ("base64", "decode_to_string", 1 | 2) => base64::decode_to_string,
        ("socket", "open", 3) => socket::open,
        ("socket", "bind", 2) => socket::bind,
        ("socket", "listen", 2) => socket::listen,
        ("socket", "connect", 2) => socket::connect,
        ("socket", "nif_accept", 1) => socket::accept,
        ("socket", "nif_recv", 2) => socket::recv,
        ("socket", "nif_recvfrom", 2) => socket::recvfrom,
        ("socket", "nif_send", 2) => socket::send,
        ("socket", "nif_sendto", 3) => socket::sendto,
        ("socket", "nif_select_read", 2) => socket::select_read,
        ("socket", "nif_select_stop", 1) => socket::select_stop,
        ("socket", "close", 1) => socket::close,
        ("socket", "sockname", 1) => socket::sockname,
        ("socket", "peername", 1) => socket::peername,
        ("socket", "setopt", 3) => socket::setopt,
        ("socket", "shutdown", 2) => socket::shutdown,
        ("net", "getaddrinfo_nif", 2) => socket::getaddrinfo,
        ("erlang", "localtime", 1) => device_time::localtime,
        ("calendar", "system_time_to_universal_time", 2) => {
            device_time::system_time_to_universal_time
        }
        ("code", "load_abs", 1) => device_code::load_abs,
        ("atomvm", "add_avm_pack_file", 2) => device_code::add_avm_pack_file,
        ("atomvm", "add_avm_pack_binary", 2) => device_code::add_avm_pack_binary,
        ("atomvm", "close_avm_pack", 2) => device_code::close_avm_pack,
        ("code", "load_binary", 3) => device_code::load_binary,
        ("erlang", "open_port", 2) => device_ports::open_port,
        _ => return None,
    };
    Some(f)
}

/// `maps:next(Iterator)` on AtomVM's iterators, `[Position | Map]` (position in key
/// order, or the keys still to visit) or `none`: `{Key, Value, NextIterator}` or `none`.
fn maps_next(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let iterator = args.first().copied().unwrap_or(Term::NIL);
    if iterator == atoms::none {
        return Ok(atoms::none);
    }
    let (position, map) = ctx.mem().cons(iterator).ok_or_else(Exception::badarg)?;
    map_next(ctx, &[position, map, atoms::iterator])
}

fn characters_to_list_utf8(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let data = args.first().copied().unwrap_or(Term::NIL);
    characters_to_list(ctx, &[data, atoms::unicode])
}

fn characters_to_binary_utf8(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let data = args.first().copied().unwrap_or(Term::NIL);
    characters_to_binary(ctx, &[data, atoms::unicode])
}
