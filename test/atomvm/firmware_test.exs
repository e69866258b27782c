defmodule AtomVM.FirmwareTest do
  # Downloads from a local HTTP server standing in for the release server, into a
  # temporary cache (XDG_CACHE_HOME), with a temporary board file.
  use ExUnit.Case, async: false

  alias AtomVM.Firmware
  alias AtomVM.Test.HTTPServer

  @moduletag :tmp_dir

  @image :crypto.strong_rand_bytes(300_000)
  @asset "AtomVM-testchip-v9.9.9.img"
  @path "/v9.9.9/#{@asset}"

  setup %{tmp_dir: dir} do
    boards = Path.join(dir, "boards")
    File.mkdir_p!(boards)
    System.put_env("XDG_CACHE_HOME", Path.join(dir, "cache"))
    System.put_env("ATOMVM_BOARDS_DIR", boards)
    System.delete_env("ATOMVM_FIRMWARE_MIRROR")

    on_exit(fn ->
      System.delete_env("XDG_CACHE_HOME")
      System.delete_env("ATOMVM_BOARDS_DIR")
    end)

    %{boards: boards, dir: dir}
  end

  defp sum(bytes), do: Base.encode16(:crypto.hash(:sha256, bytes), case: :lower)

  defp board!(boards, base, pinned \\ nil) do
    pin = if pinned, do: ~s(sha256 = { "#{@asset}" = "#{pinned}" }), else: ""

    File.write!(Path.join(boards, "testchip.toml"), """
    description = "a test chip"
    chip = "esp32"
    method = "espflash"
    image_offset = 0x1000

    [[app]]
    offset = 0x250000
    size = 0x100000

    [firmware]
    base_url = "#{base}"
    versions = ["v9.9.9"]
    assets = { erlang = "AtomVM-testchip-{version}.img" }
    #{pin}
    """)
  end

  defp good_routes(image \\ @image) do
    %{@path => {:ok, image}, (@path <> ".sha256") => {:ok, "#{sum(image)}  #{@asset}\n"}}
  end

  test "downloads, verifies against the sidecar, caches; a second fetch makes no request",
       %{boards: boards} do
    {server, base} = HTTPServer.start!(good_routes())
    board!(boards, base)

    assert {:ok, %{source: :download, path: path, sha256: sha}} = Firmware.fetch("testchip")
    assert File.read!(path) == @image
    assert sha == sum(@image)
    assert path =~ "cache/atomvm_mix/firmware/v9.9.9/#{@asset}"
    refute File.exists?(path <> ".part")
    assert length(HTTPServer.requests(server)) == 2

    assert {:ok, %{source: :cache, path: ^path}} = Firmware.fetch("testchip")
    assert length(HTTPServer.requests(server)) == 2
  end

  test "a wrong checksum deletes the download and names the file and both sums",
       %{boards: boards} do
    wrong = String.duplicate("ab", 32)

    {_server, base} =
      HTTPServer.start!(%{@path => {:ok, @image}, (@path <> ".sha256") => {:ok, wrong}})

    board!(boards, base)
    assert {:error, reason} = Firmware.fetch("testchip")
    message = AtomVM.Messages.message(reason)
    assert message =~ "checksum mismatch for #{base}#{@path}"
    assert message =~ wrong
    assert message =~ sum(@image)
    assert AtomVM.Firmware.Cache.entries() == []
    refute File.exists?(AtomVM.Firmware.Cache.path("v9.9.9", @asset) <> ".part")
  end

  test "a pinned sum in the board file is checked too", %{boards: boards} do
    {_server, base} = HTTPServer.start!(good_routes())
    board!(boards, base, String.duplicate("0", 64))

    assert {:error, {:checksum, @asset, "the board file's pinned sum", _, _}} =
             Firmware.fetch("testchip")

    assert AtomVM.Firmware.Cache.entries() == []
  end

  test "a truncated body is an error; the next run resumes it with a Range request",
       %{boards: boards} do
    {server, base} =
      HTTPServer.start!(%{
        @path => {:truncate, @image, 100_000},
        (@path <> ".sha256") => {:ok, sum(@image)}
      })

    board!(boards, base)
    # httpc sees the connection close before the announced length.
    assert {:error, {:interrupted, _, 100_000, _}} = Firmware.fetch("testchip")
    assert AtomVM.Firmware.Cache.entries() == []

    HTTPServer.set_routes(server, good_routes())
    assert {:ok, %{source: :download, path: path}} = Firmware.fetch("testchip")
    assert File.read!(path) == @image
    assert {@path, "bytes=100000-"} in HTTPServer.requests(server)
  end

  test "a missing asset is a clear 404", %{boards: boards} do
    {_server, base} = HTTPServer.start!(%{(@path <> ".sha256") => {:ok, sum(@image)}})
    board!(boards, base)
    assert {:error, reason} = Firmware.fetch("testchip")
    assert AtomVM.Messages.message(reason) == "#{base}#{@path}: HTTP 404 Not Found"
  end

  test "a mirror with the release layout is used instead of the board's URL",
       %{boards: boards} do
    {mirror, mirror_base} = HTTPServer.start!(good_routes())
    board!(boards, "http://127.0.0.1:1/unreachable")
    assert {:ok, %{source: :download}} = Firmware.fetch("testchip", mirror: mirror_base <> "/")
    assert [{@path <> ".sha256", nil}, {@path, nil}] = HTTPServer.requests(mirror)
  end

  test "ATOMVM_FIRMWARE_MIRROR is honoured", %{boards: boards} do
    {mirror, mirror_base} = HTTPServer.start!(good_routes())
    board!(boards, "http://127.0.0.1:1/unreachable")
    System.put_env("ATOMVM_FIRMWARE_MIRROR", mirror_base)

    try do
      assert {:ok, _} = Firmware.fetch("testchip")
      assert length(HTTPServer.requests(mirror)) == 2
    after
      System.delete_env("ATOMVM_FIRMWARE_MIRROR")
    end
  end

  test "an unknown board or release is named", %{boards: boards} do
    board!(boards, "http://127.0.0.1:1")
    assert {:error, {:native, message}} = Firmware.fetch("nochip")
    assert message == "no board named nochip; known boards: testchip"

    assert {:error, {:native, message}} = Firmware.fetch("testchip", version: "v1")
    assert message == "board testchip has no AtomVM release v1; releases: v9.9.9"
  end

  test "--image uses a local file without any request", %{boards: boards, dir: dir} do
    board!(boards, "http://127.0.0.1:1")
    image = Path.join(dir, "local.img")
    File.write!(image, "local image")
    assert {:ok, %{source: :local, path: ^image}} = Firmware.fetch("testchip", image: image)
  end
end
