defmodule ExProtocolsCharsInspect do
  def id(x), do: x

  defmodule Temp do
    defstruct degrees: 0.0, unit: :celsius
  end

  defimpl String.Chars, for: Temp do
    def to_string(%{degrees: d, unit: :celsius}), do: "#{d}°C"
    def to_string(%{degrees: d, unit: :fahrenheit}), do: "#{d}°F"
  end

  defmodule Vec do
    defstruct [:x, :y]
  end

  defimpl Inspect, for: Vec do
    import Inspect.Algebra

    def inspect(%{x: x, y: y}, opts) do
      concat(["#Vec<", to_doc(x, opts), ", ", to_doc(y, opts), ">"])
    end
  end

  defmodule Matrix do
    defstruct rows: []
  end

  defimpl Inspect, for: Matrix do
    import Inspect.Algebra

    def inspect(%{rows: rows}, opts) do
      container_doc("#Matrix[", rows, "]", opts, fn row, o -> to_doc(row, o) end, separator: ";")
    end
  end

  defmodule Secret do
    @derive {Inspect, only: [:user]}
    defstruct user: nil, password: nil
  end

  defmodule Hidden do
    @derive {Inspect, except: [:token]}
    defstruct id: 0, token: "x", note: ""
  end

  defmodule Plain do
    defstruct a: 1, b: [2]
  end

  def start do
    t = %Temp{degrees: 21.5}
    IO.puts(t)
    IO.puts(to_string(%Temp{degrees: 70, unit: :fahrenheit}))
    IO.puts("interpolated: #{t}")
    IO.puts(Enum.join([t, %Temp{degrees: -4}], " / "))
    IO.inspect(t)
    IO.inspect(%Vec{x: 1, y: 2})
    IO.inspect([%Vec{x: 1.5, y: "two"}, %Vec{x: :a, y: [1, 2]}])
    IO.inspect(%{pos: %Vec{x: 0, y: 0}})
    IO.puts(inspect(%Vec{x: Enum.to_list(1..10), y: 0}, limit: 3))
    IO.inspect(%Matrix{rows: [[1, 2], [3, 4], [5, 6]]})
    IO.puts(inspect(%Matrix{rows: Enum.map(1..12, &[&1, &1 * &1])}, pretty: true, width: 30))
    IO.puts(inspect(%Matrix{rows: Enum.map(1..12, &[&1])}, limit: 4))
    IO.inspect(%Secret{user: "ann", password: "hunter2"})
    IO.inspect(%Hidden{id: 7, token: "tok", note: "n"})
    IO.inspect(%Plain{})
    IO.inspect(%Plain{}, structs: false)
    IO.puts(to_string(42) <> to_string(:atom) <> to_string(~c"chars") <> to_string(1.0) <> to_string("bin"))
    IO.puts(to_string(nil) <> "|" <> to_string(true))
    IO.puts(to_string([1, 2, 3]) |> inspect())
    IO.puts(String.Chars.to_string(Version.parse!("1.2.3-rc.1")))
    IO.puts(to_string(~D[2024-05-06]))
    IO.puts(to_string(1..3 |> Enum.to_list() |> List.to_string()))
    IO.puts(String.Chars.impl_for(t) |> inspect())
    IO.puts(String.Chars.impl_for(%Plain{}) |> inspect())
    IO.puts(Inspect.impl_for(%Vec{}) |> inspect())
    try do
      to_string(%Plain{})
    rescue
      e in Protocol.UndefinedError -> IO.puts("undefined: " <> Exception.message(e))
    end
    try do
      to_string({1, 2})
    rescue
      e in Protocol.UndefinedError -> IO.puts("undefined: " <> Exception.message(e))
    end
    IO.puts(Inspect.Algebra.format(Inspect.Algebra.glue("aaa", "bbb"), 5) |> IO.iodata_to_binary())
    IO.puts(Inspect.Algebra.format(Inspect.Algebra.glue("aaa", "bbb"), 80) |> IO.iodata_to_binary())
    doc = Inspect.Algebra.nest(Inspect.Algebra.concat(["[", Inspect.Algebra.line(), "item", Inspect.Algebra.line(), "]"]), 2)
    IO.puts(Inspect.Algebra.format(doc, 80) |> IO.iodata_to_binary())
    IO.puts(Inspect.Algebra.format(Inspect.Algebra.group(Inspect.Algebra.glue("short", "words")), 80) |> IO.iodata_to_binary())
  end
end
