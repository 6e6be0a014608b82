#!/usr/bin/perl
# The program help2man reads: runs `roneo [COMMAND] --help` (or --version) as
# a user would, and only reshapes GLib's layout into the one help2man parses,
# so the man pages say what --help says and cannot drift from it.
#
#   RONEO_MAN_BIN=build/src/cli/roneo RONEO_MAN_EXIT_SECTION='Exit status' \
#     help-for-man.pl [COMMAND] --help
#
# The reshaping goes by structure, never by words, so it holds in every
# language: the first paragraph is the usage; a group whose lines start with
# '-' is an option group (the first one opens OPTIONS, each keeps its GLib
# heading as a subsection); a group whose lines start with a digit is the
# exit codes (section RONEO_MAN_EXIT_SECTION); any other headed group becomes
# a section of its own name (roneo's "Commands:").
use strict;
use warnings;
# decoded, so that \s takes the no-break space before a French colon
use open qw(:std :encoding(UTF-8));

my $bin = $ENV{RONEO_MAN_BIN} or die "help-for-man.pl: RONEO_MAN_BIN is not set\n";
my $exit_section = $ENV{RONEO_MAN_EXIT_SECTION} || 'Exit status';
# help2man --locale clears LANGUAGE; the page's language comes back here.
$ENV{LANGUAGE} = $ENV{RONEO_MAN_LANGUAGE} if $ENV{RONEO_MAN_LANGUAGE};

my @command = grep { !/^--/ } @ARGV;
open my $out, '-|', $bin, @ARGV or die "help-for-man.pl: cannot run $bin: $!\n";
my $text = do { local $/; <$out> };
close $out or die "help-for-man.pl: $bin @ARGV failed\n";
if (grep { $_ eq '--version' } @ARGV) {
  print $text;
  exit 0;
}

my @groups = split /\n\n+/, $text;
my $usage = shift @groups;
# "Usage:\n  flyer [OPTION…] FILE" (GLib) or "usage: roneo COMMAND …" (roneo):
# the synopsis, named as the user types it.
my ($synopsis) = $usage =~ /:\s*(\S.*?)\s*$/s;
$synopsis =~ s/^\S+\s*//;
$synopsis =~ s/\s+/ /g;
print "Usage: ", join (' ', 'roneo', @command), " $synopsis\n\n";

my $options_open = 0;
for my $group (@groups) {
  my ($heading, $body) = $group =~ /^(\S[^\n]*?)\s*:\s*\n((?: [^\n]*\n?)+)$/;
  if (!defined $heading) {
    print "$group\n\n";
  } elsif ($body =~ /^\s+-/) {
    print "Options:\n\n" unless $options_open++;
    print "$group\n\n";
  } elsif ($body =~ /^\s+\d/) {
    print "*$exit_section*\n\n$body\n\n";
  } else {
    print "*$heading*\n\n$body\n\n";
  }
}
