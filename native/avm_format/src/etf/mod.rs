//! The external term format (ETF) as literal tables use it. (Being written.)
