# See bench/packbeam. Options: --runs N (default 5).
Code.require_file("../test/support/reference_packer.ex", __DIR__)

defmodule Bench.Packbeam do
  @history "bench/results/packbeam.tsv"

  def main(argv) do
    {opts, _, _} = OptionParser.parse(argv, strict: [runs: :integer])
    runs = opts[:runs] || 5
    beams = library_beams()
    out = Path.join(System.tmp_dir!(), "atomvm_bench_#{System.unique_integer([:positive])}")
    File.mkdir_p!(out)

    try do
      nif_out = Path.join(out, "nif.avm")
      erl_out = Path.join(out, "beam_lib.avm")
      nif = best_of(runs, fn -> pack_nif(beams, nif_out) end)
      erl = best_of(runs, fn -> AtomVM.Test.ReferencePacker.pack(beams, erl_out) end)
      same = File.read!(nif_out) == File.read!(erl_out)
      report(beams, nif, erl, File.stat!(nif_out).size, same)
    after
      File.rm_rf!(out)
    end
  end

  # Every module of OTP's and Elixir's libraries, the first file of each name.
  defp library_beams do
    otp = Path.wildcard(Path.join(:code.lib_dir(), "*/ebin/*.beam"))
    elixir = Path.wildcard(Path.join([:code.lib_dir(:elixir), "..", "*", "ebin", "*.beam"]))

    (Enum.sort(otp) ++ Enum.sort(elixir))
    |> Enum.uniq_by(&Path.basename/1)
  end

  defp best_of(runs, fun) do
    1..runs
    |> Enum.map(fn _ -> fun |> :timer.tc() |> elem(0) end)
    |> Enum.min()
    |> div(1000)
  end

  defp pack_nif(beams, out) do
    inputs = Enum.map(beams, &{:beam, %{path: &1, start: false}})
    {:ok, _} = AtomVM.Native.pack(out, inputs, %{strip_lines: false})
  end

  defp report(beams, nif_ms, erl_ms, out_bytes, same) do
    in_bytes = beams |> Enum.map(&File.stat!(&1).size) |> Enum.sum()
    previous = previous_run()

    IO.puts("""
    packbeam: #{length(beams)} OTP + Elixir modules, #{mb(in_bytes)} in, #{mb(out_bytes)} out \
    (outputs byte-identical: #{same})

    | packer                   | best time | vs beam_lib | vs previous run |
    |--------------------------|-----------|-------------|-----------------|
    | atomvm_mix NIF (Rust)    | #{pad_ms(nif_ms)} | #{ratio(nif_ms, erl_ms)} | #{vs(previous, :nif, nif_ms)} |
    | beam_lib + zlib (Erlang) | #{pad_ms(erl_ms)} | #{ratio(erl_ms, erl_ms)} | #{vs(previous, :erl, erl_ms)} |
    """)

    File.mkdir_p!(Path.dirname(@history))
    stamp = DateTime.utc_now() |> DateTime.truncate(:second) |> DateTime.to_iso8601()
    File.write!(@history, "#{stamp}\t#{length(beams)}\t#{nif_ms}\t#{erl_ms}\n", [:append])
  end

  defp previous_run do
    with {:ok, text} <- File.read(@history),
         [_ | _] = lines <- String.split(text, "\n", trim: true),
         [_, _, nif, erl] <- String.split(List.last(lines), "\t") do
      %{nif: String.to_integer(nif), erl: String.to_integer(erl)}
    else
      _ -> nil
    end
  end

  defp vs(nil, _key, _ms), do: String.pad_trailing("(first run)", 15)
  defp vs(previous, key, ms), do: String.pad_trailing(ratio(ms, previous[key]), 15)
  defp ratio(_a, 0), do: String.pad_trailing("n/a", 11)

  defp ratio(a, b),
    do: String.pad_trailing(:erlang.float_to_binary(a / b, decimals: 2) <> "x", 11)

  defp pad_ms(ms), do: String.pad_leading("#{ms} ms", 9)
  defp mb(bytes), do: :erlang.float_to_binary(bytes / 1_048_576, decimals: 1) <> " MiB"
end

Bench.Packbeam.main(System.argv())
