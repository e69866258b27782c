defmodule ExProtocolsUserDerive do
  def id(x), do: x

  defprotocol Size do
    @doc "size of a thing"
    def size(data)
  end

  defimpl Size, for: BitString do
    def size(b), do: byte_size(b)
  end

  defimpl Size, for: Map do
    def size(m), do: map_size(m)
  end

  defimpl Size, for: Tuple do
    def size(t), do: tuple_size(t)
  end

  defimpl Size, for: List do
    def size(l), do: length(l)
  end

  defimpl Size, for: [Integer, Float] do
    def size(_), do: 1
  end

  defprotocol Describe do
    @fallback_to_any true
    def describe(x)
    def tag(x)
  end

  defimpl Describe, for: Any do
    def describe(x) when is_struct(x), do: "struct #{inspect(x.__struct__)}"
    def describe(x), do: "any #{inspect(x)}"
    def tag(_), do: :generic
  end

  defimpl Describe, for: Atom do
    def describe(a), do: "atom #{a}"
    def tag(_), do: :atom
  end

  defmodule Shape do
    defstruct sides: 0
  end

  defimpl Describe, for: Shape do
    def describe(%{sides: n}), do: "shape with #{n} sides"
    def tag(_), do: :shape
  end

  defmodule Blob do
    defstruct data: nil
  end

  defprotocol Label do
    def label(x)
  end

  defimpl Label, for: Any do
    def label(x), do: "derived label for #{inspect(x.__struct__)}"
  end

  defmodule Tagged do
    @derive [Label]
    defstruct name: "t"
  end

  defmodule Circle do
    @derive Label
    defstruct r: 1
  end

  defimpl Size, for: Circle do
    def size(%{r: r}), do: r * 2
  end

  defprotocol Area do
    @spec area(t) :: number
    def area(shape)
  end

  defmodule Sq do
    defstruct s: 1
    defimpl Area do
      def area(%{s: s}), do: s * s
    end
  end

  def try_call(label, f) do
    r =
      try do
        inspect(f.())
      rescue
        e in Protocol.UndefinedError -> "UndefinedError(#{inspect(e.protocol)}): " <> Exception.message(e)
      end
    IO.puts("#{label}: #{r}")
  end

  def start do
    for v <- ["héllo", %{a: 1, b: 2}, {1, 2, 3}, [1, 2], 42, 3.5, %Circle{r: 3}] do
      IO.puts("size(#{inspect(v)}) = #{Size.size(__MODULE__.id(v))}")
    end
    try_call("size atom", fn -> Size.size(__MODULE__.id(:atom)) end)
    try_call("size struct no impl", fn -> Size.size(__MODULE__.id(%Blob{})) end)
    for v <- [:ok, nil, 1, "s", [1], %Shape{sides: 4}, %Blob{}, {:t}] do
      IO.puts("#{Describe.describe(__MODULE__.id(v))} / #{Describe.tag(v)}")
    end
    IO.puts(Label.label(%Tagged{}))
    IO.puts(Label.label(%Circle{}))
    try_call("label blob", fn -> Label.label(__MODULE__.id(%Blob{})) end)
    try_call("label int", fn -> Label.label(__MODULE__.id(5)) end)
    IO.inspect(Area.area(%Sq{s: 4}))
    try_call("area circle", fn -> Area.area(__MODULE__.id(%Circle{})) end)
    IO.inspect(Size.impl_for("x"))
    IO.inspect(Size.impl_for(:x))
    IO.inspect(Describe.impl_for(:x))
    IO.inspect(Describe.impl_for(1.0))
    IO.inspect(Describe.impl_for(%Shape{}))
    IO.inspect(Describe.impl_for(%Blob{}))
    IO.inspect(Label.impl_for(%Tagged{}))
    IO.inspect(Size.__protocol__(:functions))
    IO.inspect(Describe.__protocol__(:functions))
    IO.inspect(Size.__protocol__(:module))
    IO.inspect(Describe.__protocol__(:consolidated?))
    IO.inspect(Protocol.assert_protocol!(Size))
    IO.inspect(Protocol.assert_impl!(Size, BitString))
    IO.inspect(Size.BitString.__impl__(:protocol))
    IO.inspect(Size.BitString.__impl__(:for))
    IO.inspect(Enum.map([%Shape{sides: 3}, :x, 7], &Describe.tag/1))
    IO.inspect(Enum.sum(Enum.map([[1, 2, 3], "ab", {1}], &Size.size/1)))
  end
end
