"""Getting the bytes: files, stdin and URLs (httpx), decoded to text."""
