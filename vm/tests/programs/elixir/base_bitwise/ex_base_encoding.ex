defmodule ExBaseEncoding do
  def id(x), do: x

  def start do
    data = __MODULE__.id("Hello, Wörld!")
    IO.inspect(Base.encode16(data))
    IO.inspect(Base.encode16(data, case: :lower))
    IO.inspect(Base.decode16("48656C6C6F"))
    IO.inspect(Base.decode16("48656c6c6f"))
    IO.inspect(Base.decode16("48656c6c6f", case: :mixed))
    IO.inspect(Base.decode16("486"))
    IO.inspect(Base.decode16!("FF00"))
    IO.inspect(Base.encode64(data))
    for s <- ["", "f", "fo", "foo", "foob", "fooba", "foobar"] do
      IO.puts("#{inspect(s)} b64=#{Base.encode64(s)} nopad=#{Base.encode64(s, padding: false)} b32=#{Base.encode32(s)} hex32=#{Base.hex_encode32(s, padding: false)}")
    end
    IO.inspect(Base.decode64("Zm9vYmFy"))
    IO.inspect(Base.decode64("Zm9vYg=="))
    IO.inspect(Base.decode64("Zm9vYg"))
    IO.inspect(Base.decode64("Zm9vYg", padding: false))
    IO.inspect(Base.decode64("Zm9v YmFy"))
    IO.inspect(Base.decode64("Zm9v\nYmFy", ignore: :whitespace))
    IO.inspect(Base.decode64("@@@@"))
    bin = <<250, 251, 252, 253, 254, 255>>
    IO.inspect(Base.encode64(bin))
    IO.inspect(Base.url_encode64(bin))
    IO.inspect(Base.url_encode64(<<255, 254>>, padding: false))
    IO.inspect(Base.url_decode64("-_-_"))
    IO.inspect(Base.url_decode64("__4", padding: false))
    IO.inspect(Base.decode64("-_-_"))
    IO.inspect(Base.encode32("hello"))
    IO.inspect(Base.encode32("hello", case: :lower, padding: false))
    IO.inspect(Base.decode32("NBSWY3DP"))
    IO.inspect(Base.decode32("nbswy3dp", case: :lower))
    IO.inspect(Base.decode32("NBSWY3D"))
    IO.inspect(Base.hex_decode32("D1IMOR3F"))
    IO.inspect(Base.encode64(:erlang.term_to_binary({:ok, [1, 2]})))
    IO.inspect(Base.decode64!(Base.encode64(data)) == data)
    all = :binary.list_to_bin(Enum.to_list(0..255))
    IO.inspect(Base.decode64!(Base.encode64(all)) == all)
    IO.inspect(Base.url_decode64!(Base.url_encode64(all, padding: false), padding: false) == all)
    IO.inspect(Base.decode32!(Base.encode32(all)) == all)
    IO.inspect(Base.decode16!(Base.encode16(all)) == all)
    IO.inspect(byte_size(Base.encode64(all)))
    IO.inspect(String.slice(Base.encode64(all), 0, 40))
    IO.inspect(:base64.encode("erlang base64"))
    IO.inspect(:binary.encode_unsigned(65535))
    IO.inspect(:binary.decode_unsigned(<<1, 0>>))
    try do
      Base.decode16!(__MODULE__.id("ZZ"))
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      Base.decode64!(__MODULE__.id("abc"))
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
  end
end
