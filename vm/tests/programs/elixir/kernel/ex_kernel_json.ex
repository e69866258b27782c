# min_otp: 27
defmodule ExKernelJson do
  # Elixir 1.18's JSON module (over OTP 27's json): encode, decode, errors, the
  # JSON.Encoder protocol for structs.
  defmodule Point do
    @derive {JSON.Encoder, only: [:x, :y]}
    defstruct [:x, :y, :label]
  end

  def id(x), do: x

  def start do
    IO.puts(JSON.encode!(%{"a" => [1, 2.5, nil, true], "b" => "é\n"}))
    IO.puts(JSON.encode!([1, "two", :three, [nil]]))
    IO.puts(JSON.encode!(%Point{x: 1, y: 2, label: "hidden"}))
    IO.inspect(JSON.decode(~s({"k": [1, {"n": null}], "s": "\\u00e9"})))
    IO.inspect(JSON.decode("[1, 2"))
    IO.inspect(JSON.decode("{\"a\" 1}"))
    IO.inspect(JSON.decode!("12345678901234567890"))
    IO.inspect(JSON.encode_to_iodata!([1, 2]) |> IO.iodata_to_binary())
    try do
      JSON.encode!({:tuple})
    rescue
      e -> IO.inspect({e.__struct__, Exception.message(e)})
    end

    try do
      JSON.decode!(__MODULE__.id("tru"))
    rescue
      e -> IO.inspect({e.__struct__, Exception.message(e)})
    end
  end
end
