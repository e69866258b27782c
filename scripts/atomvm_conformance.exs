# The runner behind scripts/atomvm-conformance: AtomVM's own test programs on the host
# VM in device mode. SRC holds AtomVM's `tests/` and `libs/` of TAG (extracted by the
# wrapper); LIB is that release's atomvmlib archive; VM the `atomvm` binary.
#
#   elixir scripts/atomvm_conformance.exs SRC TAG LIB VM FACTS
#
# FACTS is priv/atomvm_api/TAG.txt: the VM resolves only AtomVM's natives natively.
#
# * tests/erlang_tests: the cases of tests/test.c (TEST_CASE, _EXPECTED, _ATOMVM_ONLY,
#   _COND): each module is compiled with this OTP, loaded alone (as test.c loads it:
#   no library) and its start/0 must return the expected integer.
# * tests/libs/{estdlib,eavmlib,alisp}: each suite's `tests:start/0` runs etest over its
#   modules on the release's atomvmlib; etest's result list gives each module's outcome.
# * tests/libs/exavmlib: `Tests.start/0` (Elixir) must return ok.
# Prints one line per failure and a Markdown table of the counts.
#
#   elixir scripts/atomvm_conformance.exs --host SRC VM
#
# Host mode: every case of tests/erlang_tests runs under this `erl` (the BEAM) and under
# the VM with OTP's libraries, through the same driver module, which prints
# `Return value: ~p` of `M:start()`; a case passes when the VM prints what the BEAM
# printed. Cases the BEAM cannot run (start/0 raises, the run crashes or times out) are
# counted apart.

defmodule Conformance do
  # Seconds per run: one erlang_tests module, or a whole library suite.
  @timeout_s 20
  @suite_timeout_s 300

  def main([src, tag, lib, vm, facts]) do
    _ = tag
    device = ["--device-release", tag, "--device-natives", facts]
    out = Path.join(System.tmp_dir!(), "atomvm_conformance_#{System.unique_integer([:positive])}")
    File.mkdir_p!(out)

    rows = [
      erlang_tests(src, device, vm, Path.join(out, "erlang_tests"))
      | for(suite <- ~w(estdlib eavmlib alisp), do: lib_suite(src, device, lib, vm, suite, Path.join(out, suite)))
    ] ++ [elixir_suite(src, device, lib, vm, Path.join(out, "exavmlib"))]

    File.rm_rf!(out)
    tag = Enum.at(device, 1)

    gaps = for {{:gap, mfa}, n} <- Process.get(), do: {mfa, n}

    if gaps != [] do
      IO.puts("\nNatives of AtomVM #{tag} this VM lacks (runs that needed them):")
      for {mfa, n} <- Enum.sort_by(gaps, fn {m, n} -> {-n, m} end), do: IO.puts("  #{mfa} (#{n})")
    end

    IO.puts("\n| AtomVM #{tag} suite | cases | passed | failed | not built |")
    IO.puts("|---|---|---|---|---|")

    for {name, total, passed, failed, unbuilt} <- rows do
      IO.puts("| #{name} | #{total} | #{passed} | #{failed} | #{unbuilt} |")
    end
  end

  def main(["--host", src, vm]) do
    out = Path.join(System.tmp_dir!(), "atomvm_conformance_#{System.unique_integer([:positive])}")
    File.mkdir_p!(out)
    dir = Path.join(src, "tests/erlang_tests")
    for file <- Path.wildcard(Path.join(dir, "*.erl")), do: compile(file, out, [dir])
    driver(out)
    cases = for {m, _} <- cases(src), File.exists?(Path.join(out, m <> ".beam")), do: m

    results =
      for m <- cases do
        env = [{"ATOMVM_CONFORMANCE_CASE", m}, {"ATOMVM_OTP_ROOT", to_string(:code.root_dir())}]
        {beam, _} = System.cmd("timeout", ["#{@timeout_s}", "erl", "-noshell", "-pa", out, "-s", "atomvm_conformance_driver"],
          stderr_to_stdout: true, env: env)
        {ours, _} = System.cmd("timeout", ["#{@timeout_s}", vm, "--path", out, "--start", "atomvm_conformance_driver",
          Path.join(out, "atomvm_conformance_driver.beam")], stderr_to_stdout: true, env: env)

        case {returned(beam), returned(ours)} do
          {nil, _} -> :beam_fails
          {same, same} -> :pass
          {want, nil} -> fail("erlang_tests #{m}: the BEAM returns #{want}: #{raised(ours) || last_lines(ours)}")
          {want, got} -> fail("erlang_tests #{m}: the BEAM returns #{want}, this VM #{got}")
        end
      end

    File.rm_rf!(out)
    count = fn what -> Enum.count(results, &(&1 == what)) end
    runs = length(results) - count.(:beam_fails)
    IO.puts("\n| AtomVM erlang_tests on the host | cases | the BEAM runs | same result as the BEAM | different |")
    IO.puts("|---|---|---|---|---|")
    IO.puts("| #{Path.basename(src)} | #{length(results)} | #{runs} | #{count.(:pass)} | #{runs - count.(:pass)} |")
  end

  def main(_) do
    IO.puts(:stderr, "usage: elixir scripts/atomvm_conformance.exs SRC TAG LIB VM FACTS")
    IO.puts(:stderr, "       elixir scripts/atomvm_conformance.exs --host SRC VM")
    System.halt(2)
  end

  # {module, expected} of every case of tests/test.c (not those commented out, such as
  # v0.6.6's `// TEST CRASHES HERE: TEST_CASE(memlimit)`).
  defp cases(src) do
    text =
      Path.join(src, "tests/test.c")
      |> File.read!()
      |> String.replace(~r{//[^\n]*|/\*.*?\*/}s, "")

    Regex.scan(~r/TEST_CASE(?:_EXPECTED|_ATOMVM_ONLY|_COND)?\((\w+)(?:,\s*(-?\d+))?[,)]/, text)
    |> Enum.map(fn
      [_, m] -> {m, 0}
      [_, m, ""] -> {m, 0}
      [_, m, n] -> {m, String.to_integer(n)}
    end)
    |> Enum.uniq_by(&elem(&1, 0))
  end

  defp erlang_tests(src, device, vm, out) do
    File.mkdir_p!(out)
    dir = Path.join(src, "tests/erlang_tests")
    cases = cases(src)
    includes = [dir | code_load(dir, out)]

    built =
      for {m, _} <- cases, compile(Path.join(dir, m <> ".erl"), out, includes), into: MapSet.new(), do: m

    # Helper modules the cases load or spawn (every other source of the directory).
    for file <- Path.wildcard(Path.join(dir, "*.erl")),
        not File.exists?(Path.join(out, Path.basename(file, ".erl") <> ".beam")),
        do: compile(file, out, includes)

    results =
      for {m, expected} <- cases, m in built do
        {output, _status} =
          run(vm, device ++ ["--path", out, "--start", m, Path.join(out, m <> ".beam")], @timeout_s, out)

        want = Integer.to_string(expected)

        case Regex.run(~r/^Return value: (-?\d+)$/m, output) do
          [_, ^want] -> :pass
          [_, n] -> fail("erlang_tests #{m}: expected #{expected}, returned #{n}")
          nil -> fail("erlang_tests #{m}: expected #{expected}: #{last_lines(output)}")
        end
      end

    passed = Enum.count(results, &(&1 == :pass))
    {"erlang_tests", length(cases), passed, length(results) - passed, length(cases) - MapSet.size(built)}
  end

  # What AtomVM's tests/erlang_tests/code_load/CMakeLists.txt builds for the code-loading
  # cases, which open `code_load/...` relative to where they run (the output directory
  # here): export_test_module.beam, code_load_pack.avm (packed by the tests' own
  # reference packer) and the two headers of their bytes (as to_hrl.erl writes them).
  # Returns the include directory (the cases name `code_load/NAME.hrl`), or none when
  # the release has no code_load/.
  defp code_load(dir, out) do
    source = Path.join([dir, "code_load", "export_test_module.erl"])
    target = Path.join(out, "code_load")

    if File.exists?(source) and File.mkdir_p(target) == :ok and compile(source, target, []) do
      beam = Path.join(target, "export_test_module.beam")
      avm = Path.join(target, "code_load_pack.avm")
      Code.require_file(Path.expand("../test/support/reference_packer.ex", __DIR__))
      AtomVM.Test.ReferencePacker.pack([beam], avm)

      for {file, name, data} <- [
            {"export_test_module_data.hrl", "EXPORT_TEST_MODULE_DATA", beam},
            {"code_load_pack_data.hrl", "CODE_LOAD_PACK_DATA", avm}
          ] do
        File.write!(Path.join(target, file), :io_lib.format(~c"-define(~s, ~w).", [name, File.read!(data)]))
      end

      [out]
    else
      []
    end
  end

  defp lib_suite(src, device, lib, vm, suite, out) do
    File.mkdir_p!(out)
    dir = Path.join([src, "tests/libs", suite])
    includes = [dir, Path.join(src, "libs/etest/include"), Path.join(src, "libs/include")]
    # etest is packed with each suite (AtomVM's pack_test), not in atomvmlib.
    files = Path.wildcard(Path.join(dir, "*.erl")) ++ Path.wildcard(Path.join(src, "libs/etest/src/*.erl"))
    unbuilt = Enum.reject(files, &compile(&1, out, includes))
    beams = Path.wildcard(Path.join(out, "*.beam"))

    {output, _} =
      run(vm, ["--device-lib", lib] ++ device ++ ["--start", "tests" | beams], @suite_timeout_s)

    # etest displays [{Module, Result}, ...] on a line of its own; `ok` is a pass.
    outcomes =
      case Enum.find(String.split(output, "\n"), &String.starts_with?(&1, "[{test_")) do
        nil -> []
        line -> line |> String.trim_trailing() |> elements()
      end

    for {m, result} <- outcomes, result != "ok", do: fail("#{suite} #{m}: #{String.slice(result, 0, 200)}")
    if outcomes == [], do: fail("#{suite}: no etest result: #{last_lines(output)}")
    passed = Enum.count(outcomes, &match?({_, "ok"}, &1))
    total = max(length(outcomes), 1)
    {suite, total, passed, total - passed, length(unbuilt)}
  end

  # The {Name, Result} elements of a displayed list, split at its top-level commas.
  defp elements("[" <> rest) do
    rest
    |> String.trim_trailing("]")
    |> String.graphemes()
    |> Enum.reduce({[], [], 0, false}, fn
      "\"", {items, cur, depth, q} -> {items, ["\"" | cur], depth, not q}
      c, {items, cur, depth, true} -> {items, [c | cur], depth, true}
      ",", {items, cur, 0, q} -> {[cur | items], [], 0, q}
      c, {items, cur, depth, q} when c in ["{", "[", "("] -> {items, [c | cur], depth + 1, q}
      c, {items, cur, depth, q} when c in ["}", "]", ")"] -> {items, [c | cur], depth - 1, q}
      c, {items, cur, depth, q} -> {items, [c | cur], depth, q}
    end)
    |> then(fn {items, cur, _, _} -> [cur | items] end)
    |> Enum.reverse()
    |> Enum.map(fn chars ->
      text = chars |> Enum.reverse() |> Enum.join() |> String.trim_leading("{") |> String.trim_trailing("}")
      [name | result] = String.split(text, ",", parts: 2)
      {name, Enum.join(result)}
    end)
  end

  # tests/libs/exavmlib: one Elixir program, Tests.start/0, which must return ok.
  defp elixir_suite(src, device, lib, vm, out) do
    File.mkdir_p!(out)
    # Tests.ex and, from v0.7, the modules it uses (Some.Submodule.ex, ...), with etest.
    files = Path.wildcard(Path.join(src, "tests/libs/exavmlib/*.ex"))
    Enum.each(Path.wildcard(Path.join(src, "libs/etest/src/*.erl")), &compile(&1, out, []))

    case System.cmd("elixirc", ["--ignore-module-conflict", "-o", out | files], stderr_to_stdout: true) do
      {_, 0} ->
        beams = Path.wildcard(Path.join(out, "*.beam"))
        {output, _} = run(vm, ["--device-lib", lib] ++ device ++ ["--start", "Elixir.Tests" | beams])

        if output =~ ~r/^Return value: ok$/m,
          do: {"exavmlib", 1, 1, 0, 0},
          else: (fail("exavmlib Tests: #{last_lines(output)}"); {"exavmlib", 1, 0, 1, 0})

      {output, _} ->
        fail("exavmlib Tests.ex does not compile: #{last_lines(output)}")
        {"exavmlib", 1, 0, 0, 1}
    end
  end

  # The host mode's driver: runs the case named by $ATOMVM_CONFORMANCE_CASE and prints
  # what its start/0 returned (or what it raised), then halts.
  defp driver(out) do
    source = ~S"""
    -module(atomvm_conformance_driver).
    -export([start/0]).
    start() ->
        Case = list_to_atom(os:getenv("ATOMVM_CONFORMANCE_CASE")),
        try Case:start() of
            Result -> io:format("~nReturn value: ~p~n", [Result])
        catch
            Class:Reason -> io:format("~nRaised: ~p~n", [{Class, Reason}])
        end,
        erlang:halt(0).
    """

    file = Path.join(out, "atomvm_conformance_driver.erl")
    File.write!(file, source)
    true = compile(file, out, [])
  end

  # What a host-mode run printed as the case's result, if it got that far.
  defp returned(output) do
    case Regex.run(~r/^Return value: (.*)$/m, output) do
      [_, value] -> value
      nil -> nil
    end
  end

  defp raised(output) do
    case Regex.run(~r/^Raised: (.*)$/m, output) do
      [_, what] -> "raised " <> what
      nil -> nil
    end
  end

  defp compile(file, out, includes) do
    opts = [:report_errors, {:outdir, String.to_charlist(out)}] ++ for(i <- includes, do: {:i, String.to_charlist(i)})

    File.exists?(file) and
      case :compile.file(String.to_charlist(file), opts) do
        {:ok, _} -> true
        _ -> false
      end
  end

  defp run(vm, args, seconds \\ @timeout_s, cd \\ File.cwd!()) do
    {output, status} = System.cmd("timeout", ["#{seconds}", vm | args], stderr_to_stdout: true, cd: cd)

    for [_, mfa] <- Regex.scan(~r/^atomvm: (\S+) is native in AtomVM/m, output) do
      Process.put({:gap, mfa}, Process.get({:gap, mfa}, 0) + 1)
    end

    {output, status}
  end

  defp fail(text) do
    # The programs' output is bytes, not always UTF-8.
    IO.binwrite(text <> "\n")
    :fail
  end

  defp last_lines(output) do
    output |> String.split("\n", trim: true) |> Enum.take(-2) |> Enum.join(" / ") |> String.slice(0, 300)
  end
end

Conformance.main(System.argv())
