defmodule ExStringConvert do
  def id(x), do: x

  def attempt(label, f) do
    r =
      try do
        inspect(f.())
      rescue
        e -> "#{inspect(e.__struct__)}: #{Exception.message(e)}"
      end
    IO.puts("#{label} => #{r}")
  end

  def start do
    attempt("to_integer 123", fn -> String.to_integer(__MODULE__.id("123")) end)
    attempt("to_integer -0042", fn -> String.to_integer(__MODULE__.id("-0042")) end)
    attempt("to_integer +7", fn -> String.to_integer(__MODULE__.id("+7")) end)
    attempt("to_integer ff 16", fn -> String.to_integer(__MODULE__.id("ff"), 16) end)
    attempt("to_integer zz 36", fn -> String.to_integer(__MODULE__.id("zz"), 36) end)
    attempt("to_integer 1011 2", fn -> String.to_integer(__MODULE__.id("1011"), 2) end)
    attempt("to_integer big", fn -> String.to_integer(__MODULE__.id("123456789012345678901234567890")) end)
    attempt("to_integer 12a", fn -> String.to_integer(__MODULE__.id("12a")) end)
    attempt("to_integer empty", fn -> String.to_integer(__MODULE__.id("")) end)
    attempt("to_integer space", fn -> String.to_integer(__MODULE__.id(" 1")) end)
    attempt("to_float 1.5", fn -> String.to_float(__MODULE__.id("1.5")) end)
    attempt("to_float -0.25e3", fn -> String.to_float(__MODULE__.id("-0.25e3")) end)
    attempt("to_float 1e10", fn -> String.to_float(__MODULE__.id("1.0e10")) end)
    attempt("to_float 3", fn -> String.to_float(__MODULE__.id("3")) end)
    attempt("to_float .5", fn -> String.to_float(__MODULE__.id(".5")) end)
    attempt("Integer.parse 42abc", fn -> Integer.parse(__MODULE__.id("42abc")) end)
    attempt("Integer.parse -7", fn -> Integer.parse(__MODULE__.id("-7")) end)
    attempt("Integer.parse abc", fn -> Integer.parse(__MODULE__.id("abc")) end)
    attempt("Integer.parse 1_000", fn -> Integer.parse(__MODULE__.id("1_000")) end)
    attempt("Integer.parse 7f hex", fn -> Integer.parse(__MODULE__.id("7fz"), 16) end)
    attempt("Integer.parse 3.9", fn -> Integer.parse(__MODULE__.id("3.9")) end)
    attempt("Float.parse 3.14xyz", fn -> Float.parse(__MODULE__.id("3.14xyz")) end)
    attempt("Float.parse 5", fn -> Float.parse(__MODULE__.id("5")) end)
    attempt("Float.parse 1.5e-3", fn -> Float.parse(__MODULE__.id("1.5e-3rest")) end)
    attempt("Float.parse -.5", fn -> Float.parse(__MODULE__.id("-.5")) end)
    attempt("Float.parse 1.", fn -> Float.parse(__MODULE__.id("1.")) end)
    attempt("Float.parse nope", fn -> Float.parse(__MODULE__.id("nope")) end)
    attempt("Float.parse 1e400", fn -> Float.parse(__MODULE__.id("1.0e400")) end)
    attempt("to_string int", fn -> to_string(__MODULE__.id(-12)) end)
    attempt("to_string float", fn -> to_string(__MODULE__.id(0.1)) end)
    attempt("to_string float2", fn -> to_string(__MODULE__.id(100.0)) end)
    attempt("to_string float3", fn -> to_string(__MODULE__.id(1.0e-10)) end)
    attempt("to_string float4", fn -> to_string(__MODULE__.id(123456789.123)) end)
    attempt("Integer.to_string 255 16", fn -> Integer.to_string(__MODULE__.id(255), 16) end)
    attempt("Integer.to_string -255 2", fn -> Integer.to_string(__MODULE__.id(-255), 2) end)
    attempt("Integer.to_charlist", fn -> Integer.to_charlist(__MODULE__.id(1234)) end)
    attempt("Float.to_string", fn -> Float.to_string(__MODULE__.id(2.5)) end)
    attempt("Float.to_charlist", fn -> Float.to_charlist(__MODULE__.id(2.5)) end)
    attempt("String.to_atom", fn -> String.to_atom(__MODULE__.id("héllo")) end)
    attempt("Atom.to_string", fn -> Atom.to_string(__MODULE__.id(:"héllo wörld")) end)
    attempt("to_existing_atom missing", fn -> String.to_existing_atom(__MODULE__.id("surely_not_an_atom_xyz_123")) end)
    attempt("List.to_integer", fn -> List.to_integer(__MODULE__.id(~c"-99")) end)
    attempt("List.to_float", fn -> List.to_float(__MODULE__.id(~c"2.0")) end)
    attempt("List.to_string", fn -> List.to_string(__MODULE__.id([?a, "bc", [?d, ~c"e"]])) end)
    attempt("String.to_charlist", fn -> String.to_charlist(__MODULE__.id("日本")) end)
    attempt(":erlang.binary_to_integer", fn -> :erlang.binary_to_integer(__MODULE__.id("-1")) end)
    attempt("float_to_binary decimals", fn -> :erlang.float_to_binary(__MODULE__.id(3.14159), decimals: 3) end)
    attempt("float_to_binary scientific", fn -> :erlang.float_to_binary(__MODULE__.id(3.14159), scientific: 2) end)
    attempt("float_to_binary short", fn -> :erlang.float_to_binary(__MODULE__.id(0.1), [:short]) end)
    attempt("Integer.digits", fn -> Integer.digits(__MODULE__.id(1230)) end)
    attempt("Integer.undigits", fn -> Integer.undigits(__MODULE__.id([1, 0, 1]), 2) end)
  end
end
