//! Native functions: the BIFs of `erlang` and the natively implemented functions of
//! other modules (`lists:reverse/2`, `maps:get/2`, …), looked up by name at load time.
//!
//! To add one: write `fn name(ctx: &mut Context, args: &[Term]) -> Result<Term,
//! Exception>` in the file of its family and add a line to [`lookup`].

pub mod arith;
pub mod atomvm;
pub mod binary;
pub mod convert;
pub mod etf;
pub mod ets;
pub mod floats;
pub mod hash;
pub mod lists;
pub mod maps;
pub mod math;
pub mod os;
pub mod persistent;
pub mod process;
pub mod terms;
pub mod time;
pub mod unicode;

use crate::interp::{Context, Exception};
use crate::module::NativeFn;
use crate::term::Term;

/// The native implementation of `module:function/arity`, if there is one.
pub fn lookup(module: &str, function: &str, arity: u8) -> Option<NativeFn> {
    let f: NativeFn = match (module, function, arity) {
        ("erlang", "+", 2) => arith::add,
        ("erlang", "-", 2) => arith::sub,
        ("erlang", "*", 2) => arith::mul,
        ("erlang", "div", 2) => arith::div,
        ("erlang", "rem", 2) => arith::rem,
        ("erlang", "/", 2) => arith::fdiv,
        ("erlang", "-", 1) => arith::neg,
        ("erlang", "+", 1) => arith::plus,
        ("erlang", "abs", 1) => arith::abs,
        ("erlang", "band", 2) => arith::band,
        ("erlang", "bor", 2) => arith::bor,
        ("erlang", "bxor", 2) => arith::bxor,
        ("erlang", "bsl", 2) => arith::bsl,
        ("erlang", "bsr", 2) => arith::bsr,
        ("erlang", "bnot", 1) => arith::bnot,
        ("erlang", "float", 1) => arith::float,
        ("erlang", "trunc", 1) => arith::trunc,
        ("erlang", "round", 1) => arith::round,
        ("erlang", "floor", 1) => arith::floor,
        ("erlang", "ceil", 1) => arith::ceil,
        ("erlang", "max", 2) => terms::max,
        ("erlang", "min", 2) => terms::min,
        ("erlang", "==", 2) => terms::eq,
        ("erlang", "/=", 2) => terms::ne,
        ("erlang", "=:=", 2) => terms::eq_exact,
        ("erlang", "=/=", 2) => terms::ne_exact,
        ("erlang", "<", 2) => terms::lt,
        ("erlang", ">", 2) => terms::gt,
        ("erlang", "=<", 2) => terms::le,
        ("erlang", ">=", 2) => terms::ge,
        ("erlang", "and", 2) => terms::and,
        ("erlang", "or", 2) => terms::or,
        ("erlang", "xor", 2) => terms::xor,
        ("erlang", "not", 1) => terms::not,
        ("erlang", "is_integer", 1) => terms::is_integer,
        ("erlang", "is_float", 1) => terms::is_float,
        ("erlang", "is_number", 1) => terms::is_number,
        ("erlang", "is_atom", 1) => terms::is_atom,
        ("erlang", "is_list", 1) => terms::is_list,
        ("erlang", "is_tuple", 1) => terms::is_tuple,
        ("erlang", "is_binary", 1) => terms::is_binary,
        ("erlang", "is_bitstring", 1) => terms::is_bitstring,
        ("erlang", "is_boolean", 1) => terms::is_boolean,
        ("erlang", "is_map", 1) => terms::is_map,
        ("erlang", "is_pid", 1) => terms::is_pid,
        ("erlang", "is_reference", 1) => terms::is_reference,
        ("erlang", "is_function", 1) => terms::is_function,
        ("erlang", "is_function", 2) => terms::is_function2,
        ("erlang", "element", 2) => terms::element,
        ("erlang", "setelement", 3) => terms::setelement,
        ("erlang", "tuple_size", 1) => terms::tuple_size,
        ("erlang", "size", 1) => terms::size,
        ("erlang", "byte_size", 1) => terms::byte_size,
        ("erlang", "bit_size", 1) => terms::bit_size,
        ("erlang", "make_tuple", 2) => terms::make_tuple,
        ("erlang", "append_element", 2) => terms::append_element,
        ("erlang", "tuple_to_list", 1) => terms::tuple_to_list,
        ("erlang", "list_to_tuple", 1) => terms::list_to_tuple,
        ("erlang", "hd", 1) => lists::hd,
        ("erlang", "tl", 1) => lists::tl,
        ("erlang", "length", 1) => lists::length,
        ("erlang", "++", 2) => lists::append,
        ("erlang", "--", 2) => lists::subtract,
        ("lists", "reverse", 2) => lists::reverse2,
        ("lists", "reverse", 1) => lists::reverse1,
        ("lists", "member", 2) => lists::member,
        ("lists", "keyfind", 3) => lists::keyfind,
        ("lists", "keymember", 3) => lists::keymember,
        ("lists", "keysearch", 3) => lists::keysearch,
        ("erlang", "atom_to_list", 1) => convert::atom_to_list,
        ("erlang", "list_to_atom", 1) => convert::list_to_atom,
        ("erlang", "list_to_existing_atom", 1) => convert::list_to_existing_atom,
        ("erlang", "atom_to_binary", 1) => convert::atom_to_binary,
        ("erlang", "atom_to_binary", 2) => convert::atom_to_binary,
        ("erlang", "binary_to_atom", 2) => convert::binary_to_atom,
        ("erlang", "integer_to_list", 1) => convert::integer_to_list,
        ("erlang", "integer_to_list", 2) => convert::integer_to_list,
        ("erlang", "integer_to_binary", 1) => convert::integer_to_binary,
        ("erlang", "list_to_integer", 1) => convert::list_to_integer,
        ("erlang", "binary_to_list", 1) => convert::binary_to_list,
        ("erlang", "list_to_binary", 1) => convert::list_to_binary,
        ("erlang", "iolist_to_binary", 1) => convert::iolist_to_binary,
        ("erlang", "iolist_size", 1) => convert::iolist_size,
        ("erlang", "display", 1) => process::display,
        ("atomvm", "read_priv", 2) => atomvm::read_priv,
        ("atomvm", "platform", 0) => atomvm::platform,
        ("atomvm_host", "put_chars", 2) => convert::put_chars,
        ("atomvm_host", "put_chars", 3) => convert::put_chars,
        ("unicode", "characters_to_binary", 2) => unicode::characters_to_binary,
        ("unicode", "characters_to_list", 2) => unicode::characters_to_list,
        ("unicode", "bin_is_7bit", 1) => unicode::bin_is_7bit,
        ("string", "list_to_integer", 1) => convert::string_list_to_integer,
        ("string", "list_to_float", 1) => convert::string_list_to_float,
        ("net_kernel", "dflag_unicode_io", 1) => process::true_,
        ("erlang", "nif_error", 1) => process::nif_error,
        ("erlang", "nif_error", 2) => process::nif_error,
        ("erlang", "self", 0) => process::self_,
        ("erlang", "node", 0) => process::node,
        ("erlang", "node", 1) => process::node,
        ("erlang", "make_ref", 0) => process::make_ref,
        ("erlang", "spawn", 1) => process::spawn1,
        ("erlang", "spawn", 3) => process::spawn3,
        ("erlang", "spawn_link", 1) => process::spawn_link1,
        ("erlang", "spawn_link", 3) => process::spawn_link3,
        ("erlang", "spawn_monitor", 1) => process::spawn_monitor1,
        ("erlang", "spawn_monitor", 3) => process::spawn_monitor3,
        ("erlang", "send", 2) => process::send,
        ("erlang", "!", 2) => process::send,
        ("erlang", "link", 1) => process::link,
        ("erlang", "unlink", 1) => process::unlink,
        ("erlang", "monitor", 2) => process::monitor,
        ("ets", "new", 2) => ets::new,
        ("ets", "insert", 2) => ets::insert,
        ("ets", "insert_new", 2) => ets::insert_new,
        ("ets", "lookup", 2) => ets::lookup,
        ("ets", "lookup_element", 3) => ets::lookup_element,
        ("ets", "member", 2) => ets::member,
        ("ets", "delete", 1) => ets::delete,
        ("ets", "delete", 2) => ets::delete,
        ("ets", "take", 2) => ets::take,
        ("ets", "tab2list", 1) => ets::tab2list,
        ("ets", "update_counter", 3) => ets::update_counter,
        ("ets", "info", 2) => ets::info,
        ("ets", "whereis", 1) => ets::whereis,
        ("erlang", "monitor", 3) => process::monitor3,
        ("erlang", "send", 3) => process::send3,
        ("erlang", "alias", 0) => process::alias,
        ("erlang", "alias", 1) => process::alias,
        ("erlang", "unalias", 1) => process::unalias,
        ("erlang", "demonitor", 1) => process::demonitor,
        ("erlang", "demonitor", 2) => process::demonitor,
        ("erlang", "process_flag", 2) => process::process_flag,
        ("erlang", "register", 2) => process::register,
        ("erlang", "unregister", 1) => process::unregister,
        ("erlang", "whereis", 1) => process::whereis,
        ("erlang", "is_process_alive", 1) => process::is_process_alive,
        ("erlang", "put", 2) => process::put,
        ("erlang", "get", 1) => process::get,
        ("erlang", "get", 0) => process::get_all,
        ("erlang", "erase", 1) => process::erase,
        ("erlang", "exit", 1) => process::exit1,
        ("erlang", "exit", 2) => process::exit2,
        ("erlang", "error", 1) => process::error1,
        ("erlang", "error", 2) => process::error2,
        ("erlang", "error", 3) => process::error2,
        ("erlang", "throw", 1) => process::throw,
        ("erlang", "halt", 0) => process::halt,
        ("erlang", "halt", 1) => process::halt,
        ("erlang", "send_after", 3) => process::send_after,
        ("erlang", "start_timer", 3) => process::start_timer,
        ("erlang", "cancel_timer", 1) => process::cancel_timer,
        ("erlang", "group_leader", 0) => process::group_leader,
        ("erlang", "get_module_info", 1) => process::module_info,
        ("erlang", "get_module_info", 2) => process::module_info,
        ("erlang", "function_exported", 3) => process::function_exported,
        ("erlang", "float_to_list", 1) => floats::float_to_list,
        ("erlang", "float_to_list", 2) => floats::float_to_list,
        ("erlang", "float_to_binary", 1) => floats::float_to_binary,
        ("erlang", "float_to_binary", 2) => floats::float_to_binary,
        ("erlang", "list_to_float", 1) => floats::list_to_float,
        ("erlang", "binary_to_float", 1) => floats::binary_to_float,
        ("erlang", "monotonic_time", 0) => time::monotonic_time,
        ("erlang", "monotonic_time", 1) => time::monotonic_time,
        ("erlang", "system_time", 0) => time::system_time,
        ("erlang", "system_time", 1) => time::system_time,
        ("os", "system_time", 0) => time::system_time,
        ("os", "system_time", 1) => time::system_time,
        ("erlang", "time_offset", 0) => time::time_offset,
        ("erlang", "time_offset", 1) => time::time_offset,
        ("erlang", "convert_time_unit", 3) => time::convert_time_unit,
        ("erlang", "timestamp", 0) => time::timestamp,
        ("os", "timestamp", 0) => time::timestamp,
        ("erlang", "now", 0) => time::timestamp,
        ("erlang", "unique_integer", 0) => time::unique_integer,
        ("erlang", "unique_integer", 1) => time::unique_integer,
        ("erlang", "universaltime", 0) => time::universaltime,
        ("erlang", "localtime", 0) => time::universaltime,
        ("erlang", "raise", 3) => process::raise,
        ("erlang", "process_info", 2) => process::process_info,
        ("erlang", "process_info", 1) => process::process_info,
        ("erlang", "registered", 0) => process::registered,
        ("erlang", "read_timer", 1) => process::read_timer,
        ("erlang", "read_timer", 2) => process::read_timer,
        ("erlang", "spawn_opt", 2) => process::spawn_opt2,
        ("erlang", "spawn_opt", 4) => process::spawn_opt4,
        ("erlang", "get_keys", 0) => process::get_keys,
        ("erlang", "get_keys", 1) => process::get_keys,
        ("erlang", "erase", 0) => process::erase_all,
        ("erlang", "module_loaded", 1) => process::module_loaded,
        ("code", "ensure_loaded", 1) => process::ensure_loaded,
        ("code", "ensure_modules_loaded", 1) => process::ensure_modules_loaded,
        ("code", "is_loaded", 1) => process::is_loaded,
        ("erlang", "delete_element", 2) => terms::delete_element,
        ("erlang", "insert_element", 3) => terms::insert_element,
        ("erlang", "cancel_timer", 2) => process::cancel_timer,
        ("erlang", "is_builtin", 3) => process::is_builtin,
        ("erlang", "make_tuple", 3) => terms::make_tuple3,
        ("erlang", "is_port", 1) => terms::is_port,
        ("erlang", "is_record", 2) => terms::is_record,
        ("erlang", "is_record", 3) => terms::is_record,
        ("erlang", "fun_info", 2) => terms::fun_info,
        ("erlang", "fun_info_mfa", 1) => terms::fun_info_mfa,
        ("erlang", "make_fun", 3) => terms::make_fun,
        ("erlang", "integer_to_binary", 2) => convert::integer_to_binary,
        ("erlang", "binary_to_integer", 1) => convert::binary_to_integer,
        ("erlang", "binary_to_integer", 2) => convert::binary_to_integer,
        ("erlang", "list_to_integer", 2) => convert::list_to_integer,
        ("erlang", "binary_part", 2) => convert::binary_part,
        ("erlang", "binary_part", 3) => convert::binary_part,
        ("binary", "part", 2) => convert::binary_part,
        ("binary", "part", 3) => convert::binary_part,
        ("erlang", "split_binary", 2) => convert::split_binary,
        ("erlang", "bitstring_to_list", 1) => convert::bitstring_to_list,
        ("erlang", "list_to_bitstring", 1) => convert::list_to_bitstring,
        ("erlang", "binary_to_list", 3) => convert::binary_to_list3,
        ("erlang", "binary_to_existing_atom", 1) => convert::binary_to_existing_atom,
        ("erlang", "binary_to_existing_atom", 2) => convert::binary_to_existing_atom,
        ("erlang", "binary_to_atom", 1) => convert::binary_to_atom,
        ("os", "getenv", 0) => os::getenv_all,
        ("os", "getenv", 1) => os::getenv,
        ("os", "getenv", 2) => os::getenv,
        ("os", "type", 0) => os::os_type,
        ("init", "get_argument", 1) => os::get_argument,
        ("init", "get_plain_arguments", 0) => os::get_plain_arguments,
        ("init", "get_arguments", 0) => os::get_plain_arguments,
        ("persistent_term", "get", 1) => persistent::get,
        ("persistent_term", "get", 2) => persistent::get,
        ("persistent_term", "put", 2) => persistent::put,
        ("persistent_term", "erase", 1) => persistent::erase,
        ("erts_internal", "map_next", 3) => maps::map_next,
        ("binary", "copy", 1) => binary::copy,
        ("binary", "copy", 2) => binary::copy,
        ("binary", "referenced_byte_size", 1) => binary::referenced_byte_size,
        ("binary", "first", 1) => binary::first,
        ("binary", "last", 1) => binary::last,
        ("binary", "at", 2) => binary::at,
        ("binary", "bin_to_list", 1) => binary::bin_to_list,
        ("binary", "list_to_bin", 1) => convert::list_to_binary,
        ("binary", "encode_unsigned", 1) => binary::encode_unsigned,
        ("binary", "encode_unsigned", 2) => binary::encode_unsigned,
        ("binary", "decode_unsigned", 1) => binary::decode_unsigned,
        ("binary", "decode_unsigned", 2) => binary::decode_unsigned,
        ("binary", "compile_pattern", 1) => binary::compile_pattern,
        ("binary", "match", 2) => binary::match_,
        ("binary", "match", 3) => binary::match_,
        ("binary", "matches", 2) => binary::matches,
        ("binary", "matches", 3) => binary::matches,
        ("binary", "split", 2) => binary::split,
        ("binary", "split", 3) => binary::split,
        ("binary", "longest_common_prefix", 1) => binary::longest_common_prefix,
        ("binary", "longest_common_suffix", 1) => binary::longest_common_suffix,
        ("maps", "from_keys", 2) => maps::from_keys,
        ("maps", "take", 2) => maps::take,
        ("maps", "update", 3) => maps::update3,
        ("io", "printable_range", 0) => process::printable_range,
        ("erlang", "fun_to_list", 1) => terms::fun_to_list,
        ("maps", "get", 2) => maps::get2,
        ("maps", "find", 2) => maps::find,
        ("maps", "put", 3) => maps::put,
        ("maps", "is_key", 2) => maps::is_key,
        ("maps", "keys", 1) => maps::keys,
        ("maps", "values", 1) => maps::values,
        ("maps", "to_list", 1) => maps::to_list,
        ("maps", "from_list", 1) => maps::from_list,
        ("maps", "remove", 2) => maps::remove,
        ("maps", "merge", 2) => maps::merge,
        ("erlang", "map_size", 1) => maps::size,
        ("maps", "size", 1) => maps::size,
        ("erlang", "map_get", 2) => maps::get2,
        ("erlang", "is_map_key", 2) => maps::is_key,
        ("math", f, a) => return math::lookup(f, a),
        _ => {
            return etf::lookup(module, function, arity)
                .or_else(|| hash::lookup(module, function, arity))
        }
    };
    Some(f)
}

/// `true` or `false`.
pub fn boolean(b: bool) -> Term {
    if b {
        crate::atom::atoms::true_
    } else {
        crate::atom::atoms::false_
    }
}

/// The bytes of a binary (a bitstring of whole bytes, aligned or not), or `None`.
pub fn binary_bytes(b: &crate::heap::BitStr<'_>) -> Option<Vec<u8>> {
    (b.bits % 8 == 0).then(|| b.to_bytes())
}

/// Fails with `badarg` unless `cond`.
pub fn check(cond: bool) -> Result<(), Exception> {
    if cond {
        Ok(())
    } else {
        Err(Exception::badarg())
    }
}

/// The `i`-th argument (the table guarantees the count).
pub fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NONE)
}

#[allow(unused)]
fn unused(_: &mut Context<'_>) {}
