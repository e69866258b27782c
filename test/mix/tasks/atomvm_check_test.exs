defmodule Mix.Tasks.Atomvm.CheckTest do
  # `mix atomvm.check` in fixture projects, as a user runs it; the facts are the
  # generated priv/atomvm_api files.
  use ExUnit.Case, async: false

  alias AtomVM.Test.Fixture

  @moduletag :fixture

  setup_all do
    base = Path.join(System.tmp_dir!(), "atomvm_check_test_#{System.unique_integer([:positive])}")
    File.rm_rf!(base)
    app = Fixture.create_checkable!(Path.join(base, "plain"))
    indirect = Fixture.create_checkable!(Path.join(base, "indirect"), indirect: true)
    {_, 0} = Fixture.mix(app, ["compile"])
    on_exit(fn -> File.rm_rf!(base) end)
    %{base: base, app: app, indirect: indirect}
  end

  defp otp, do: :erlang.system_info(:otp_release) |> List.to_integer()

  # The problem lines about the project's code (not the OTP or size lines).
  defp code_lines(output), do: for(l <- String.split(output, "\n"), l =~ ~r/^lib\//, do: l)

  # The OTP line the release adds when this OTP is outside its range.
  defp otp_lines(release, {min, max}) do
    if otp() in min..max,
      do: [],
      else: [
        "the beams were compiled by OTP #{otp()}; AtomVM #{release} runs those of OTP #{min}-#{max}"
      ]
  end

  test "v0.6.6: the function v0.7 added and the one no release has, with their lines", ctx do
    {output, status} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v0.6.6"])
    assert status == 1, output

    assert code_lines(output) == [
             "lib/check_app.ex:3: CheckApp calls lists:keysort/2, which is not in AtomVM v0.6.6",
             "lib/check_app.ex:4: CheckApp calls Enum.frequencies/1, which is not in AtomVM v0.6.6"
           ]

    extra = otp_lines("v0.6.6", {21, 26})
    for line <- extra, do: assert(output =~ line)
    problems = 2 + length(extra)

    assert output =~
             ~r/AtomVM v0\.6\.6 \(any platform\): #{problems} problems in 1 module; archive [\d,]+ bytes\n/
  end

  test "v0.7: only the function no release has", ctx do
    # alpha.0 accepts the beams of every OTP in the matrix (21-29); alpha.1 only 26-29.
    {output, status} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v0.7.0-alpha.0"])
    assert status == 1, output

    assert code_lines(output) == [
             "lib/check_app.ex:4: CheckApp calls Enum.frequencies/1, which is not in AtomVM v0.7.0-alpha.0"
           ]

    {output, 1} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v0.7.0-alpha.1"])

    assert code_lines(output) == [
             "lib/check_app.ex:4: CheckApp calls Enum.frequencies/1, which is not in AtomVM v0.7.0-alpha.1"
           ]

    assert otp_lines("v0.7.0-alpha.1", {26, 29}) -- String.split(output, "\n") == []
  end

  test "funs and apply with atom module and function are checked too", ctx do
    {output, 1} = Fixture.mix(ctx.indirect, ["atomvm.check", "--release", "v0.6.6"])

    assert code_lines(output) == [
             "lib/check_app.ex:3: CheckApp calls lists:keysort/2, which is not in AtomVM v0.6.6",
             "lib/check_app.ex:4: CheckApp calls Enum.frequencies/1, which is not in AtomVM v0.6.6",
             "lib/check_app/indirect.ex:3: CheckApp.Indirect makes a fun of lists:sum/1, which is not in AtomVM v0.6.6",
             "lib/check_app/indirect.ex:4: CheckApp.Indirect applies lists:max/_, which is not in AtomVM v0.6.6"
           ]
  end

  test "--warn prints the same and exits 0; mix.exs keys and --board are read", ctx do
    {output, 0} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v0.6.6", "--warn"])
    assert length(code_lines(output)) == 2

    {output, 1} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v0.6.6", "--board", "pico"])

    assert output =~
             ~r/AtomVM v0\.6\.6 \(rp2\): \d+ problems in 1 module; archive [\d,]+ bytes of [\d,]+ bytes/

    {output, 1} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v0.6.6", "--board", "nope"])
    assert output =~ "no board named nope; the boards are esp32,"
  end

  test "an archive larger than the board's partition fails", ctx do
    boards = Path.join(ctx.base, "boards")
    File.mkdir_p!(boards)

    File.write!(Path.join(boards, "tiny.toml"), """
    description = "a board with a 256-byte application partition"
    chip = "esp32"
    method = "espflash"
    image_offset = 0x1000
    [[app]]
    offset = 0x210000
    size = 0x100
    """)

    env = [{"ATOMVM_BOARDS_DIR", boards}]

    {output, 1} =
      Fixture.mix(
        ctx.app,
        ["atomvm.check", "--release", "v0.7.0-alpha.0", "--board", "tiny"],
        env
      )

    assert output =~
             ~r/the archive is [\d,]+ bytes, larger than the 256 bytes application partition of tiny\n/
  end

  test "an unknown release names the known ones", ctx do
    {output, 1} = Fixture.mix(ctx.app, ["atomvm.check", "--release", "v9.9.9"])

    assert output =~
             "no facts about AtomVM v9.9.9: the releases atomvm_mix knows are v0.6.4, v0.6.5, v0.6.6,"
  end

  test "packbeam warns; atomvm.run does not check", ctx do
    {output, 0} = Fixture.mix(ctx.app, ["atomvm.packbeam"])

    assert output =~
             "warning: lib/check_app.ex:4: CheckApp calls Enum.frequencies/1, which is not in AtomVM"

    {output, 0} = Fixture.mix(ctx.app, ["atomvm.packbeam", "--no-check"])
    refute output =~ "warning:"
  end
end
