//! Comparison, boolean, type-test and tuple BIFs.

use super::{arg, boolean, check};
use crate::atom::atoms;
use crate::compare::compare;
use crate::interp::{Context, Exception};
use crate::term::{HeaderKind, Term};
use std::cmp::Ordering;

fn order(ctx: &Context<'_>, args: &[Term], exact: bool) -> Ordering {
    let (a, b) = (arg(args, 0), arg(args, 1));
    if a == b {
        return Ordering::Equal;
    }
    compare(&ctx.mem(), &ctx.vm.atoms, a, b, exact)
}

/// `==`.
pub fn eq(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, false) == Ordering::Equal))
}
/// `/=`.
pub fn ne(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, false) != Ordering::Equal))
}
/// `=:=`.
pub fn eq_exact(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, true) == Ordering::Equal))
}
/// `=/=`.
pub fn ne_exact(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, true) != Ordering::Equal))
}
/// `<`.
pub fn lt(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, false) == Ordering::Less))
}
/// `>`.
pub fn gt(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, false) == Ordering::Greater))
}
/// `=<`.
pub fn le(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, false) != Ordering::Greater))
}
/// `>=`.
pub fn ge(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(order(ctx, args, false) != Ordering::Less))
}

/// `max/2` (the first when equal).
pub fn max(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(if order(ctx, args, false) == Ordering::Less {
        arg(args, 1)
    } else {
        arg(args, 0)
    })
}

/// `min/2` (the first when equal).
pub fn min(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(if order(ctx, args, false) == Ordering::Greater {
        arg(args, 1)
    } else {
        arg(args, 0)
    })
}

fn bool_arg(t: Term) -> Result<bool, Exception> {
    if t == atoms::true_ {
        Ok(true)
    } else if t == atoms::false_ {
        Ok(false)
    } else {
        Err(Exception::badarg())
    }
}

/// `and`.
pub fn and(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(bool_arg(arg(args, 0))? & bool_arg(arg(args, 1))?))
}
/// `or`.
pub fn or(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(bool_arg(arg(args, 0))? | bool_arg(arg(args, 1))?))
}
/// `xor`.
pub fn xor(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(bool_arg(arg(args, 0))? ^ bool_arg(arg(args, 1))?))
}
/// `not`.
pub fn not(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(!bool_arg(arg(args, 0))?))
}

fn kind(ctx: &Context<'_>, t: Term) -> Option<HeaderKind> {
    ctx.mem().kind(t)
}

/// `is_integer/1`.
pub fn is_integer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(ctx.mem().is_integer(arg(args, 0))))
}
/// `is_integer/3` (OTP 29): whether the term is an integer from `Lo` to `Hi`
/// inclusive; bounds that are not integers are `badarg`.
pub fn is_integer3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (t, lo, hi) = (arg(args, 0), arg(args, 1), arg(args, 2));
    let mem = ctx.mem();
    check(mem.is_integer(lo) && mem.is_integer(hi))?;
    if !mem.is_integer(t) {
        return Ok(atoms::false_);
    }
    let order = |a, b| crate::compare::compare(&mem, &ctx.vm.atoms, a, b, false);
    Ok(boolean(
        order(lo, t) != std::cmp::Ordering::Greater && order(t, hi) != std::cmp::Ordering::Greater,
    ))
}

/// `erts_internal:cmp_term/2` (OTP 26, behind `maps:iterator(M, ordered)`): `-1`, `0`
/// or `1` by the term order of map keys (exact: `1` before `1.0`).
pub fn cmp_term(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let order = compare(&ctx.mem(), &ctx.vm.atoms, arg(args, 0), arg(args, 1), true);
    Ok(ctx.heap().int(order as i64))
}

/// `is_float/1`.
pub fn is_float(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(kind(ctx, arg(args, 0)) == Some(HeaderKind::Float)))
}
/// `is_number/1`.
pub fn is_number(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    Ok(boolean(
        ctx.mem().is_integer(t) || kind(ctx, t) == Some(HeaderKind::Float),
    ))
}
/// `is_atom/1`.
pub fn is_atom(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(arg(args, 0).as_atom().is_some()))
}
/// `is_list/1`.
pub fn is_list(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    Ok(boolean(t.is_nil() || t.as_list().is_some()))
}
/// `is_tuple/1`.
pub fn is_tuple(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(kind(ctx, arg(args, 0)) == Some(HeaderKind::Tuple)))
}
/// `is_binary/1`.
pub fn is_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(
        ctx.mem()
            .bitstr(arg(args, 0))
            .is_some_and(|b| b.bits % 8 == 0),
    ))
}
/// `is_bitstring/1`.
pub fn is_bitstring(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(ctx.mem().bitstr(arg(args, 0)).is_some()))
}
/// `is_boolean/1`.
pub fn is_boolean(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    Ok(boolean(t == atoms::true_ || t == atoms::false_))
}
/// `is_map/1`.
pub fn is_map(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(kind(ctx, arg(args, 0)) == Some(HeaderKind::Map)))
}
/// `is_pid/1`.
pub fn is_pid(_: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(arg(args, 0).as_pid().is_some()))
}
/// `is_reference/1`.
pub fn is_reference(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(kind(ctx, arg(args, 0)) == Some(HeaderKind::Ref)))
}
/// `is_function/1`.
pub fn is_function(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(matches!(
        kind(ctx, arg(args, 0)),
        Some(HeaderKind::Fun | HeaderKind::Export)
    )))
}
/// `is_function/2`: `badarg` for an arity that is not a non-negative integer (one too
/// large for any fun is simply `false`).
pub fn is_function2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = match ctx.mem().int(arg(args, 1)) {
        Some(crate::heap::Int::Small(n)) if n >= 0 => n,
        Some(crate::heap::Int::Big(b)) if b.sign() == num_bigint::Sign::Plus => {
            return Ok(atoms::false_)
        }
        _ => return Err(Exception::badarg()),
    };
    let arity = crate::interp::fun_arity(ctx.vm, ctx.proc, arg(args, 0));
    Ok(boolean(arity.is_some_and(|a| i64::from(a) == n)))
}

fn tuple(ctx: &Context<'_>, t: Term) -> Result<Vec<Term>, Exception> {
    ctx.mem()
        .tuple(t)
        .map(<[Term]>::to_vec)
        .ok_or_else(Exception::badarg)
}

fn index(t: Term, len: usize) -> Result<usize, Exception> {
    let i = t.as_small().ok_or_else(Exception::badarg)?;
    check(i >= 1 && (i as usize) <= len)?;
    Ok(i as usize - 1)
}

/// `element/2`.
pub fn element(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let elements = mem.tuple(arg(args, 1)).ok_or_else(Exception::badarg)?;
    let i = index(arg(args, 0), elements.len())?;
    Ok(elements[i])
}

/// `setelement/3`.
pub fn setelement(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut elements = tuple(ctx, arg(args, 1))?;
    let i = index(arg(args, 0), elements.len())?;
    elements[i] = arg(args, 2);
    Ok(ctx.heap().tuple(&elements))
}

/// `tuple_size/1`.
pub fn tuple_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = ctx
        .mem()
        .tuple(arg(args, 0))
        .ok_or_else(Exception::badarg)?
        .len();
    Ok(ctx.heap().int(n as i64))
}

/// `size/1`: tuple size or binary byte size.
pub fn size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let n = match mem.tuple(arg(args, 0)) {
        Some(e) => e.len(),
        None => mem.bitstr(arg(args, 0)).ok_or_else(Exception::badarg)?.bits / 8,
    };
    Ok(ctx.heap().int(n as i64))
}

/// `byte_size/1`.
pub fn byte_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bits = size_in_bits(ctx, arg(args, 0))?;
    Ok(ctx.heap().int(bits.div_ceil(8) as i64))
}

/// The size of a bitstring, or what is left to match of a match context (OTP 26+
/// compilers apply `byte_size/1` and `bit_size/1` to match contexts).
fn size_in_bits(ctx: &mut Context<'_>, t: Term) -> Result<usize, Exception> {
    let mem = ctx.mem();
    if let Some(b) = mem.bitstr(t) {
        return Ok(b.bits);
    }
    let (bin, pos) = crate::interp::bitsyntax::context(&mem, t).ok_or_else(Exception::badarg)?;
    let total = mem.bitstr(bin).ok_or_else(Exception::badarg)?.bits;
    Ok(total.saturating_sub(pos))
}

/// `bit_size/1`.
pub fn bit_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bits = size_in_bits(ctx, arg(args, 0))?;
    Ok(ctx.heap().int(bits as i64))
}

/// `make_tuple/2`.
pub fn make_tuple(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = arg(args, 0).as_small().ok_or_else(Exception::badarg)?;
    check((0..=16_777_215).contains(&n))?;
    Ok(ctx.heap().tuple(&vec![arg(args, 1); n as usize]))
}

/// `append_element/2`.
pub fn append_element(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut elements = tuple(ctx, arg(args, 0))?;
    elements.push(arg(args, 1));
    Ok(ctx.heap().tuple(&elements))
}

/// `tuple_to_list/1`.
pub fn tuple_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let elements = tuple(ctx, arg(args, 0))?;
    Ok(ctx.heap().list(&elements))
}

/// `list_to_tuple/1`.
pub fn list_to_tuple(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let elements = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().tuple(&elements))
}

/// `make_tuple/3`: with `{Position, Value}` initial values.
pub fn make_tuple3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = arg(args, 0).as_small().ok_or_else(Exception::badarg)?;
    check((0..=16_777_215).contains(&n))?;
    let mut elements = vec![arg(args, 1); n as usize];
    let inits = ctx
        .mem()
        .list_elements(arg(args, 2))
        .ok_or_else(Exception::badarg)?;
    for init in inits {
        let [pos, value] = ctx
            .mem()
            .tuple(init)
            .and_then(|t| <[Term; 2]>::try_from(t).ok())
            .ok_or_else(Exception::badarg)?;
        let i = index(pos, elements.len())?;
        elements[i] = value;
    }
    Ok(ctx.heap().tuple(&elements))
}

/// `is_port/1` (also true of an AtomVM driver's pid in device mode).
pub fn is_port(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    Ok(boolean(t.as_port().is_some() || ctx.vm.is_driver(t)))
}

/// `is_record/2,3`.
pub fn is_record(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if args.len() == 3 && crate::release::get() >= 29 {
        if let Some(native) = super::records::is_native_record3(ctx, args) {
            return native;
        }
    }
    let tag = arg(args, 1);
    check(tag.as_atom().is_some())?;
    let size = match args.get(2) {
        Some(s) => Some(s.as_small().ok_or_else(Exception::badarg)?),
        None => None,
    };
    let mem = ctx.mem();
    Ok(boolean(mem.tuple(arg(args, 0)).is_some_and(|e| {
        e.first() == Some(&tag) && size.is_none_or(|s| e.len() as i64 == s)
    })))
}

/// `erlang:fun_info/2` for `arity`, `module`, `name`, `type`, `env`.
pub fn fun_info(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (f, key) = (arg(args, 0), arg(args, 1));
    let item = key
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    let mem = ctx.mem();
    let mut index = 0;
    let (module, name, arity, env, external) = match mem.boxed(f) {
        Some((h, [m, n, a])) if h.kind == HeaderKind::Export => {
            (*m, *n, a.as_small().unwrap_or(0), Vec::new(), true)
        }
        Some((h, payload)) if h.kind == HeaderKind::Fun => {
            let (m, i) = closure_indices(payload)?;
            let md = ctx.vm.modules.get(m).ok_or_else(Exception::badarg)?;
            let lambda = md.lambdas.get(i).ok_or_else(Exception::badarg)?;
            let free = payload[2..].to_vec();
            let arity = i64::from(lambda.arity) - free.len() as i64;
            index = i as i64;
            (
                Term::atom(md.name),
                Term::atom(lambda.name),
                arity,
                free,
                false,
            )
        }
        _ => return Err(Exception::badarg()),
    };
    let value = match item.as_str() {
        "arity" => ctx.heap().int(arity),
        "module" => module,
        "name" => name,
        "env" => ctx.heap().list(&env),
        "type" => ctx.atom(if external { "external" } else { "local" }),
        "pid" if !external => Term::pid(ctx.proc.pid),
        "index" | "new_index" if !external => ctx.heap().int(index),
        "uniq" if !external => ctx.heap().int(0),
        "new_uniq" if !external => ctx.heap().binary(&[0; 16]),
        _ => crate::atom::atoms::undefined,
    };
    Ok(ctx.heap().tuple(&[key, value]))
}

/// `erlang:fun_info/1`: every item, in the BEAM's order.
pub fn fun_info1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let f = arg(args, 0);
    let external = matches!(ctx.mem().boxed(f), Some((h, _)) if h.kind == HeaderKind::Export);
    let keys: &[&str] = if external {
        &["module", "name", "arity", "env", "type"]
    } else {
        &[
            "pid",
            "module",
            "new_index",
            "new_uniq",
            "index",
            "uniq",
            "name",
            "arity",
            "env",
            "type",
        ]
    };
    let mut items = Vec::with_capacity(keys.len());
    for key in keys {
        let k = ctx.atom(key);
        items.push(fun_info(ctx, &[f, k])?);
    }
    Ok(ctx.heap().list(&items))
}

/// `erlang:make_fun/3`: `fun M:F/A`.
pub fn make_fun(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (m, f) = (arg(args, 0), arg(args, 1));
    check(m.as_atom().is_some() && f.as_atom().is_some())?;
    let a = arg(args, 2)
        .as_small()
        .and_then(|a| u8::try_from(a).ok())
        .ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().export(m, f, a))
}

/// `erlang:delete_element/2`.
pub fn delete_element(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut elements = tuple(ctx, arg(args, 1))?;
    let i = index(arg(args, 0), elements.len())?;
    elements.remove(i);
    Ok(ctx.heap().tuple(&elements))
}

/// `erlang:insert_element/3`.
pub fn insert_element(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut elements = tuple(ctx, arg(args, 1))?;
    let i = index(arg(args, 0), elements.len() + 1)?;
    elements.insert(i, arg(args, 2));
    Ok(ctx.heap().tuple(&elements))
}

/// `erlang:fun_to_list/1`: `"fun M:F/A"` for external funs, `"#Fun<M.I.U>"` for others.
pub fn fun_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let f = arg(args, 0);
    let mem = ctx.mem();
    let text = match mem.boxed(f) {
        Some((h, [m, n, a])) if h.kind == HeaderKind::Export => format!(
            "fun {}:{}/{}",
            ctx.vm.atoms.name(m.as_atom().unwrap_or(0)),
            ctx.vm.atoms.name(n.as_atom().unwrap_or(0)),
            a.as_small().unwrap_or(0)
        ),
        Some((h, payload)) if h.kind == HeaderKind::Fun => {
            let m = payload.first().and_then(|t| t.as_small()).unwrap_or(0) as usize;
            let i = payload.get(1).and_then(|t| t.as_small()).unwrap_or(0) as usize;
            let module = ctx.vm.modules.get(m).ok_or_else(Exception::badarg)?;
            let lambda = module.lambdas.get(i).ok_or_else(Exception::badarg)?;
            format!(
                "#Fun<{}.{}.{}>",
                ctx.vm.atoms.name(module.name),
                lambda.old_index,
                lambda.old_uniq
            )
        }
        _ => return Err(Exception::badarg()),
    };
    let items: Vec<Term> = text
        .chars()
        .filter_map(|c| Term::small(i64::from(u32::from(c))))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// `erlang:fun_info_mfa/1`: `{Module, Function, Arity}` of the code a fun runs (for a
/// closure, its generated function with the free variables counted).
pub fn fun_info_mfa(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let (m, f, a) = match mem.boxed(arg(args, 0)) {
        Some((h, [m, f, a])) if h.kind == HeaderKind::Export => (*m, *f, a.as_small().unwrap_or(0)),
        Some((h, payload)) if h.kind == HeaderKind::Fun => {
            let (mi, li) = closure_indices(payload)?;
            let module = ctx.vm.modules.get(mi).ok_or_else(Exception::badarg)?;
            let lambda = module.lambdas.get(li).ok_or_else(Exception::badarg)?;
            let free = payload.len().saturating_sub(2) as i64;
            (
                Term::atom(module.name),
                Term::atom(lambda.name),
                i64::from(lambda.arity) - free,
            )
        }
        _ => return Err(Exception::badarg()),
    };
    let a = ctx.heap().int(a);
    Ok(ctx.heap().tuple(&[m, f, a]))
}

/// The module index and lambda index stored in the first two payload words of
/// a closure; `badarg` when the closure is malformed.
pub(crate) fn closure_indices(payload: &[Term]) -> Result<(usize, usize), Exception> {
    let index = |i: usize| {
        payload
            .get(i)
            .and_then(|t| t.as_small())
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(Exception::badarg)
    };
    Ok((index(0)?, index(1)?))
}

/// `pid_to_list/1`: `"<0.N.0>"`.
pub fn pid_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let pid = arg(args, 0).as_pid().ok_or_else(Exception::badarg)?;
    Ok(super::convert::chars(ctx, &format!("<0.{pid}.0>")))
}

/// `port_to_list/1`.
pub fn port_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let port = arg(args, 0).as_port().ok_or_else(Exception::badarg)?;
    Ok(super::convert::chars(ctx, &format!("#Port<0.{port}>")))
}

/// `list_to_pid/1`: the inverse of `pid_to_list/1` for local pids.
pub fn list_to_pid(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = super::convert::list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let parts: Vec<&str> = text
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .map(|t| t.split('.').collect())
        .unwrap_or_default();
    match parts.as_slice() {
        ["0", n, "0"] => n
            .parse::<u32>()
            .map(Term::pid)
            .map_err(|_| Exception::badarg()),
        _ => Err(Exception::badarg()),
    }
}

/// `ref_to_list/1`: `"#Ref<0.0.0.N>"`, as `erlang:display/1` writes it.
pub fn ref_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = match ctx.mem().boxed(arg(args, 0)) {
        Some((h, [id, ..])) if h.kind == HeaderKind::Ref => id.0,
        _ => return Err(Exception::badarg()),
    };
    Ok(super::convert::chars(ctx, &format!("#Ref<0.0.0.{id}>")))
}
