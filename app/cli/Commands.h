#pragma once

namespace tessera::cli {

class CommandLine;

// One function per command group, each in its own file.
void addInitCommand(CommandLine& commandLine);
void addTokenCommands(CommandLine& commandLine);
void addTokenRevokeMatchingCommand(CommandLine& commandLine);
void addTokenBatchCommand(CommandLine& commandLine);
void addPolicyCommands(CommandLine& commandLine);
void addRoleCommands(CommandLine& commandLine);
void addUserCommands(CommandLine& commandLine);
void addUserTotpCommands(CommandLine& commandLine);
void addUserKeyCommands(CommandLine& commandLine);
void addUserImportCommand(CommandLine& commandLine);
void addAuditCommands(CommandLine& commandLine);
void addStoreCommands(CommandLine& commandLine);
void addDemoCommand(CommandLine& commandLine);
void addServeCommand(CommandLine& commandLine);

} // namespace tessera::cli
