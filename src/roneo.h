#pragma once
#include "roneo-job.h"
