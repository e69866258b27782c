defmodule ExFilesNet do
  def start do
    path = "ex_files_net.tmp"
    File.rm(path)
    File.write!(path, "one\ntwo\n")
    IO.inspect(File.read(path))
    {:ok, f} = File.open(path, [:append])
    IO.write(f, "three\n")
    File.close(f)
    IO.inspect(File.stream!(path) |> Enum.map(&String.trim/1))
    IO.inspect(File.exists?(path))
    {:ok, stat} = File.stat(path)
    IO.inspect({stat.size, stat.type})
    IO.inspect(File.rm(path))
    IO.inspect(File.read("no/such"))
    {:ok, l} = :gen_tcp.listen(0, [:binary, active: false, ip: {127, 0, 0, 1}])
    {:ok, port} = :inet.port(l)
    task = Task.async(fn ->
      {:ok, s} = :gen_tcp.accept(l)
      {:ok, data} = :gen_tcp.recv(s, 0)
      :gen_tcp.send(s, String.upcase(data))
    end)
    {:ok, c} = :gen_tcp.connect(~c"localhost", port, [:binary, active: false])
    :ok = :gen_tcp.send(c, "héllo")
    IO.inspect(:gen_tcp.recv(c, 0, 2000))
    Task.await(task)
  end
end
