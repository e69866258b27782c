//! The `math` module's functions (NIFs in OTP); `badarith` for results that are not
//! finite numbers, as BEAM.

use super::arg;
use super::arith::{float_result, num, Num};
use crate::heap::Int;
use crate::interp::{Context, Exception};
use crate::module::NativeFn;
use crate::term::Term;
use num_traits::ToPrimitive;

fn f(ctx: &Context<'_>, t: Term) -> Result<f64, Exception> {
    Ok(match num(ctx, t).map_err(|_| Exception::badarg())? {
        Num::Float(f) => f,
        Num::Int(Int::Small(v)) => v as f64,
        Num::Int(Int::Big(b)) => b.to_f64().unwrap_or(f64::INFINITY),
    })
}

fn unary(ctx: &mut Context<'_>, args: &[Term], op: fn(f64) -> f64) -> Result<Term, Exception> {
    let x = f(ctx, arg(args, 0))?;
    float_result(ctx, op(x))
}

fn binary(
    ctx: &mut Context<'_>,
    args: &[Term],
    op: fn(f64, f64) -> f64,
) -> Result<Term, Exception> {
    let (x, y) = (f(ctx, arg(args, 0))?, f(ctx, arg(args, 1))?);
    float_result(ctx, op(x, y))
}

macro_rules! unary_fns {
    ($($name:ident => $op:expr;)*) => {
        $(
            #[doc = concat!("`math:", stringify!($name), "/1`.")]
            pub fn $name(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
                unary(ctx, args, $op)
            }
        )*

        /// The unary functions by name.
        pub fn lookup(function: &str, arity: u8) -> Option<NativeFn> {
            let f: NativeFn = match (function, arity) {
                $((stringify!($name), 1) => $name,)*
                ("pow", 2) => pow,
                ("atan2", 2) => atan2,
                ("fmod", 2) => fmod,
                _ => return None,
            };
            Some(f)
        }
    };
}

unary_fns! {
    sqrt => f64::sqrt;
    exp => f64::exp;
    log => f64::ln;
    log2 => f64::log2;
    log10 => f64::log10;
    sin => f64::sin;
    cos => f64::cos;
    tan => f64::tan;
    asin => f64::asin;
    acos => f64::acos;
    atan => f64::atan;
    sinh => f64::sinh;
    cosh => f64::cosh;
    tanh => f64::tanh;
    asinh => f64::asinh;
    acosh => f64::acosh;
    atanh => f64::atanh;
    erf => libm::erf;
    erfc => libm::erfc;
    floor => f64::floor;
    ceil => f64::ceil;
}

/// `math:pow/2`.
pub fn pow(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    binary(ctx, args, f64::powf)
}

/// `math:atan2/2`.
pub fn atan2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    binary(ctx, args, f64::atan2)
}

/// `math:fmod/2`.
pub fn fmod(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    binary(ctx, args, |a, b| a % b)
}
