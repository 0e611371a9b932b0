using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>A request of the corpus, ready to send, and who sends it.</summary>
public sealed record CorpusRequest(PortalClient Client, HttpRequestMessage Message, string Description, bool DisposeClient);
