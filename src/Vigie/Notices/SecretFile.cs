namespace Vigie.Notices;

/// <summary>A secret of random bytes in a file readable by its owner only, created on first use.</summary>
internal static class SecretFile
{
    private const UnixFileMode OthersMayAccess =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static byte[] LoadOrCreate(string path, int length)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            // Written to a temporary file then moved, so two processes starting together never read half a key.
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(length));
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary); // Another process won the race: its key is the one.
            }
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayAccess) != 0)
        {
            throw new InvalidOperationException($"The key {path} is accessible to other users; restrict it with chmod 600.");
        }

        var secret = File.ReadAllBytes(path);
        return secret.Length == length ? secret : throw new InvalidOperationException($"The key {path} does not hold {length} bytes.");
    }
}
