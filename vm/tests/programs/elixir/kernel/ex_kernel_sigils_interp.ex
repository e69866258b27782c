defmodule ExKernelSigilsInterp do
  def id(x), do: x

  defmodule Money do
    defstruct amount: 0, cur: "EUR"
  end

  defimpl String.Chars, for: Money do
    def to_string(%{amount: a, cur: c}), do: "#{a} #{c}"
  end

  def start do
    name = __MODULE__.id("world")
    n = __MODULE__.id(42)
    IO.puts("hello #{name}, n=#{n}, float=#{1.5}, atom=#{:ok}, list=#{[?a, ?b]}")
    IO.puts("nested #{"inner #{n + 1}"} end")
    IO.puts("expr #{Enum.sum([1, 2, 3]) * 2} and #{if n > 40, do: "big", else: "small"}")
    IO.puts("nil interp: [#{nil}] true: [#{true}]")
    IO.puts("struct interp: #{%Money{amount: 5}}")
    IO.puts("escapes: tab[\t] quote[\"] backslash[\\] hash[\#{x}] unicode[\u00e9\u{1F600}]")
    IO.inspect(~s(sigil s with "quotes" and #{n}))
    IO.inspect(~S(raw #{n} \n no escape))
    IO.inspect(~w(alpha beta gamma))
    IO.inspect(~w(alpha beta gamma)a)
    IO.inspect(~w(alpha beta)c)
    IO.inspect(~c(charlist #{n}))
    IO.inspect(~C(raw charlist #{n}))
    heredoc = """
    line one
      indented #{n}
    last
    """
    IO.write(heredoc)
    IO.inspect(heredoc)
    IO.inspect(~s"""
    sigil heredoc
    """)
    IO.inspect(?a)
    IO.inspect(?\n)
    IO.inspect(?é)
    IO.inspect("a" <> "b" <> to_string(n))
    IO.inspect(to_string(:atom) <> to_string(3.25) <> to_string([?x, "y"]))
    IO.inspect(~w(#{name} x))
    IO.inspect(~W(#{name} x))
    IO.inspect(~D[2024-02-29])
    IO.inspect(Date.add(~D[2024-02-28], 2))
    IO.inspect(~T[12:30:45])
    IO.inspect(~N[2020-01-01 10:00:00])
    IO.puts(Date.to_string(~D[1999-12-31]))
    IO.inspect(Date.day_of_week(~D[2024-01-01]))
    IO.inspect(Date.diff(~D[2024-03-01], ~D[2024-02-01]))
    IO.inspect(Date.leap_year?(~D[2100-01-01]))
    IO.inspect(NaiveDateTime.add(~N[2020-01-01 23:59:59], 2))
  end
end
