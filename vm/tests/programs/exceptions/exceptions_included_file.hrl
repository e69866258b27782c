%% Included by exceptions_included_file.erl: a function whose stack frames name this file.
from_include(X) -> erlang:error({in_include, X}).
