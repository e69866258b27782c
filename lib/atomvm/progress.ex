defmodule AtomVM.Progress do
  @moduledoc """
  A progress bar on standard error: `label [########------------]  40%  1.0/2.5 MiB`,
  redrawn in place on a terminal, and printed at every quarter otherwise (logs, CI).
  """

  @width 30

  defstruct [:label, :total, unit: :bytes, last: -1, tty: false]

  @typedoc "A bar being drawn."
  @type t :: %__MODULE__{
          label: String.t(),
          total: non_neg_integer() | nil,
          unit: :bytes | :blocks,
          last: integer(),
          tty: boolean()
        }

  @doc "A new bar for `total` units (`nil` when unknown) of `unit` (`:bytes` or `:blocks`)."
  @spec new(String.t(), non_neg_integer() | nil, :bytes | :blocks) :: t()
  def new(label, total, unit \\ :bytes) do
    %__MODULE__{label: label, total: total, unit: unit, tty: tty?()}
  end

  defp tty? do
    case :io.getopts(:standard_error) do
      opts when is_list(opts) -> Keyword.get(opts, :terminal, false) == true
      _ -> false
    end
  end

  @doc "Shows that `done` units are done."
  @spec update(t(), non_neg_integer()) :: t()
  def update(%__MODULE__{} = bar, done) do
    percent = if bar.total && bar.total > 0, do: div(min(done, bar.total) * 100, bar.total)
    step = if bar.tty, do: percent || div(done, 1_048_576), else: quarter(percent)

    if step != bar.last do
      draw(bar, done, percent)
      %{bar | last: step}
    else
      bar
    end
  end

  defp quarter(nil), do: -1
  defp quarter(percent), do: div(percent, 25)

  @doc "Finishes the line."
  @spec finish(t(), non_neg_integer()) :: :ok
  def finish(%__MODULE__{} = bar, done) do
    percent = if bar.total && bar.total > 0, do: div(min(done, bar.total) * 100, bar.total)

    cond do
      bar.tty ->
        draw(bar, done, percent)
        IO.write(:stderr, "\n")

      quarter(percent) != bar.last ->
        draw(bar, done, percent)

      true ->
        :ok
    end

    :ok
  end

  defp draw(bar, done, percent) do
    filled = if percent, do: div(percent * @width, 100), else: 0
    gauge = String.duplicate("#", filled) <> String.duplicate("-", @width - filled)
    amount = amount(bar.unit, done, bar.total)
    pct = if percent, do: String.pad_leading("#{percent}%", 4), else: "  ?%"
    line = "#{bar.label} [#{gauge}] #{pct}  #{amount}"
    if bar.tty, do: IO.write(:stderr, "\r" <> line), else: IO.puts(:stderr, line)
  end

  defp amount(:blocks, done, total), do: "#{done}/#{total} blocks"
  defp amount(:bytes, done, nil), do: "#{mib(done)} MiB"
  defp amount(:bytes, done, total), do: "#{mib(done)}/#{mib(total)} MiB"

  defp mib(bytes), do: :erlang.float_to_binary(bytes / 1_048_576, decimals: 1)
end
