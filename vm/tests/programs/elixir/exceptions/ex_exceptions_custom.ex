defmodule ExExceptionsCustom do
  def id(x), do: x

  defmodule ValidationError do
    defexception [:field, :reason, severity: :error]

    @impl true
    def message(%{field: f, reason: r, severity: s}), do: "[#{s}] #{f} is invalid: #{r}"
  end

  defmodule SimpleError do
    defexception message: "default simple message"
  end

  defmodule WrappedError do
    defexception [:message, :inner]

    @impl true
    def exception(opts) do
      inner = Keyword.fetch!(opts, :inner)
      %__MODULE__{message: "wrapped(#{Exception.message(inner)})", inner: inner}
    end
  end

  defmodule HttpError do
    defexception [:status]

    @impl true
    def exception(status) when is_integer(status), do: %__MODULE__{status: status}

    @impl true
    def message(%{status: 404}), do: "not found"
    def message(%{status: s}) when s >= 500, do: "server error #{s}"
    def message(%{status: s}), do: "http status #{s}"
  end

  defmodule BlameError do
    defexception [:message]

    @impl true
    def blame(e, stack), do: {%{e | message: e.message <> " (blamed)"}, stack}
  end

  def validate(%{age: age}) when is_integer(age) and age >= 0, do: :ok
  def validate(%{age: age}), do: raise(ValidationError, field: :age, reason: "got #{inspect(age)}")
  def validate(_), do: raise(ValidationError, field: :age, reason: "missing", severity: :warning)

  def run(label, f) do
    try do
      IO.puts("#{label}: ok #{inspect(f.())}")
    rescue
      e -> IO.puts("#{label}: #{inspect(e.__struct__)} -> #{Exception.message(e)}")
    end
  end

  def start do
    run("valid", fn -> validate(%{age: __MODULE__.id(3)}) end)
    run("negative", fn -> validate(%{age: __MODULE__.id(-1)}) end)
    run("missing", fn -> validate(__MODULE__.id(%{})) end)
    run("simple default", fn -> raise SimpleError end)
    run("simple custom", fn -> raise SimpleError, "custom text" end)
    run("simple kw", fn -> raise SimpleError, message: "kw text" end)
    run("wrapped", fn -> raise WrappedError, inner: %SimpleError{} end)
    run("http 404", fn -> raise HttpError, 404 end)
    run("http 503", fn -> raise HttpError, 503 end)
    run("http 302", fn -> raise HttpError, __MODULE__.id(302) end)
    e = ValidationError.exception(field: :name, reason: "blank")
    IO.inspect(e)
    IO.inspect(Exception.message(e))
    IO.inspect(e.__exception__)
    IO.inspect(Map.keys(Map.from_struct(e)) |> Enum.sort())
    IO.inspect(%SimpleError{})
    IO.inspect(SimpleError.exception("x"))
    IO.inspect(SimpleError.message(%SimpleError{message: "direct"}))
    IO.inspect(is_exception(%HttpError{status: 1}))
    IO.inspect(is_exception(%{}))
    IO.inspect(is_exception(__MODULE__.id(%WrappedError{message: "m"})))
    IO.inspect(Exception.format_banner(:error, %HttpError{status: 500}))
    IO.inspect(Exception.format(:error, %ValidationError{field: :x, reason: "r"}, []))
    {blamed, []} = Exception.blame(:error, %BlameError{message: "orig"}, [])
    IO.inspect(blamed.message)
    norm = Exception.normalize(:error, :badarg, [])
    IO.inspect(norm)
    IO.inspect(Exception.normalize(:error, {:badkey, :k, %{}}, []))
    IO.inspect(Exception.normalize(:error, :undef, [{Foo, :bar, 0, []}]))
    IO.inspect(Exception.normalize(:throw, :x, []))
    IO.inspect(Exception.message(Exception.normalize(:error, {:badmatch, 3}, [])))
    IO.inspect(Exception.message(Exception.normalize(:error, {:case_clause, :z}, [])))
    IO.inspect(Exception.message(Exception.normalize(:error, :function_clause, [])))
    IO.inspect(Exception.message(Exception.normalize(:error, {:badarity, {&String.upcase/1, [1, 2]}}, [])))
    IO.inspect(Exception.message(Exception.normalize(:error, :system_limit, [])))
    result =
      try do
        raise ValidationError, field: :f, reason: "r"
      rescue
        e in ValidationError -> {e.field, e.severity}
      end
    IO.inspect(result)
    result2 =
      try do
        raise HttpError, 418
      rescue
        e in [SimpleError, HttpError] -> e.status
      end
    IO.inspect(result2)
    try do
      raise %SimpleError{message: "struct raise"}
    rescue
      e -> IO.inspect(e)
    end
  end
end
