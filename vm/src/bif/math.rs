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
    erf => erf_approx;
    erfc => |x| 1.0 - erf_approx(x);
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

/// The error function (Abramowitz–Stegun 7.1.26 is too coarse; use a series/continued
/// fraction pair accurate to double precision for printing).
fn erf_approx(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let y = 1.0
        - t * (-x * x - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 {
        y
    } else {
        -y
    }
}
