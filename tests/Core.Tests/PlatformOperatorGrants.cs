using Marketplace.Core.Identity;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests;

/// <summary>
/// The operator role is created by the first grant. Grants made at the same moment (tests starting together on a
/// fresh database, two operators set up by one script) must all succeed with one role between them.
/// </summary>
public sealed class PlatformOperatorGrants
{
    [Fact]
    public async Task Grants_at_the_same_moment_all_succeed_and_share_one_role()
    {
        var emails = Enumerable.Range(0, 8).Select(_ => $"{Guid.CreateVersion7()}@operators.example.jp").ToList();
        await using (var db = Database.Open())
        {
            foreach (var email in emails)
                db.Users.Add(new User
                {
                    Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
                    Email = email, NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = "s", CreatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }

        var granted = await Task.WhenAll(emails.Select(async email =>
        {
            await using var db = Database.Open();
            return await PlatformOperators.GrantAsync(db, email);
        }));

        Assert.All(granted, Assert.True);
        await using var check = Database.Open();
        var roleIds = await check.Roles.Where(r => r.NormalizedName == "OPERATOR").Select(r => r.Id).ToListAsync();
        var roleId = Assert.Single(roleIds);
        var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
        var operators = await check.UserRoles.Where(r => r.RoleId == roleId)
            .Join(check.Users, r => r.UserId, u => u.Id, (_, u) => u.NormalizedEmail)
            .CountAsync(e => normalized.Contains(e!));
        Assert.Equal(emails.Count, operators);
    }

    [Fact]
    public async Task A_grant_for_an_address_nobody_has_grants_nothing()
    {
        await using var db = Database.Open();
        Assert.False(await PlatformOperators.GrantAsync(db, $"{Guid.CreateVersion7()}@nobody.example.jp"));
    }
}
